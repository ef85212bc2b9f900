package dev.quantlab.model.pth;

import dev.quantlab.core.pickle.SafeUnpickler;
import java.math.BigInteger;
import java.util.List;

/** Checked conversions of unpickled values (Pyrolite's Java objects) to what the readers expect. */
final class PickleValues {
    private PickleValues() { }

    /** {@code value} as a long; Python ints arrive as Integer, Long or BigInteger. */
    static long toLong(Object value, String what) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger) {
            BigInteger big = (BigInteger) value;
            if (big.bitLength() < 64) {
                return big.longValue();
            }
        }
        throw CheckpointException.damaged(what + " should be an integer but is " + describe(value));
    }

    /** A Python tuple or list of ints as {@code long[]}. */
    static long[] toLongs(Object value, String what) {
        Object[] items = toTuple(value, what);
        long[] out = new long[items.length];
        for (int i = 0; i < items.length; i++) {
            out[i] = toLong(items[i], what);
        }
        return out;
    }

    /** A Python tuple (Pyrolite: {@code Object[]}) or list. */
    static Object[] toTuple(Object value, String what) {
        if (value instanceof Object[]) {
            return (Object[]) value;
        }
        if (value instanceof List) {
            return ((List<?>) value).toArray();
        }
        throw CheckpointException.damaged(what + " should be a tuple but is " + describe(value));
    }

    /** {@code value} as a string key; storage keys are strings, but accept ints too. */
    static String toKey(Object value, String what) {
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof Number) {
            return String.valueOf(toLong(value, what));
        }
        throw CheckpointException.damaged(what + " should be a string but is " + describe(value));
    }

    /** A short description of an unpickled value for error messages (tuples with their length, text quoted). */
    static String describe(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Object[]) {
            return "a tuple of " + ((Object[]) value).length;
        }
        if (value instanceof String) {
            String s = (String) value;
            return "'" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
        }
        if (value instanceof TensorRef) {
            return "a tensor";
        }
        return SafeUnpickler.describe(value);
    }
}
