package dev.quantlab.data;

import dev.quantlab.core.pickle.PickleRejectedException;
import dev.quantlab.core.pickle.SafeUnpickler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import net.razorvine.pickle.IObjectConstructor;

/**
 * The shared {@link SafeUnpickler} configured for a CIFAR-10 Python batch: it rebuilds numpy arrays as
 * {@link NumpyArray} (raw bytes, never floats) and refuses every other Python global by name. Plain pickle
 * values (dicts, lists, tuples, strings, numbers) load as usual.
 *
 * <p>A pickled numpy array is {@code _reconstruct(ndarray, (0,), b'b')} followed by a BUILD whose state is
 * {@code (version, shape, dtype, fortran_order, raw_bytes)}; the dtype is {@code dtype('u1', False, True)}
 * followed by its own BUILD. Python 3 writes bytes under protocol 2 as {@code _codecs.encode(text, 'latin1')}.
 * Only those globals are allowed.
 */
final class SafeNumpyUnpickler {
    private static final IObjectConstructor NDARRAY_TYPE = args -> {
        throw PickleRejectedException.damaged("numpy.ndarray may only appear as the type argument of _reconstruct");
    };
    private static final IObjectConstructor RECONSTRUCT = SafeNumpyUnpickler::reconstruct;
    private static final IObjectConstructor DTYPE = SafeNumpyUnpickler::dtype;
    private static final IObjectConstructor CODECS_ENCODE = SafeNumpyUnpickler::latin1Encode;
    private static final IObjectConstructor BYTES = SafeNumpyUnpickler::emptyBytes;

    /** The only Python globals a CIFAR-10 batch may reference, by {@code module.name}. */
    private static final Map<String, IObjectConstructor> ALLOWED = Map.of(
            "numpy.core.multiarray._reconstruct", RECONSTRUCT,
            "numpy._core.multiarray._reconstruct", RECONSTRUCT,
            "numpy.ndarray", NDARRAY_TYPE,
            "numpy.dtype", DTYPE,
            "_codecs.encode", CODECS_ENCODE,
            "__builtin__.bytes", BYTES,
            "builtins.bytes", BYTES);

    private SafeNumpyUnpickler() { }

    /**
     * Reads one CIFAR-10 pickle of at most {@code length} bytes from {@code in}.
     *
     * @throws PickleRejectedException if it is refused, damaged or truncated
     */
    static Object read(InputStream in, long length) throws IOException {
        return SafeUnpickler.withGlobals(SafeNumpyUnpickler::allowed).withBuild(SafeNumpyUnpickler::build)
                .read(in, length);
    }

    private static void build(Object target, Object state) {
        if (target instanceof PendingArray) {
            ((PendingArray) target).build(state);
        } else if (!(target instanceof Dtype)) {
            throw PickleRejectedException.damaged("BUILD is only supported for numpy arrays and dtypes, not for "
                    + typeName(target));
        }
    }

    private static Object allowed(String module, String name) {
        IObjectConstructor c = ALLOWED.get(module + "." + name);
        if (c == null) {
            throw refused(module + "." + name);
        }
        return c;
    }

    private static PickleRejectedException refused(String global) {
        return PickleRejectedException.refused("it refers to the Python object '" + global
                + "', which is not allowed here (only numpy uint8 arrays and plain values are read)");
    }

    private static Object reconstruct(Object[] args) {
        if (args.length != 3 || args[0] != NDARRAY_TYPE) {
            throw PickleRejectedException.damaged("_reconstruct is only supported for numpy.ndarray");
        }
        return new PendingArray();
    }

    private static Object dtype(Object[] args) {
        if (args.length < 1 || !(args[0] instanceof String)) {
            throw PickleRejectedException.damaged("numpy.dtype needs a type string such as 'u1'");
        }
        return new Dtype((String) args[0]);
    }

    private static Object latin1Encode(Object[] args) {
        if (args.length != 2 || !(args[0] instanceof String) || !(args[1] instanceof String)) {
            throw PickleRejectedException.damaged("_codecs.encode is only supported as encode(text, 'latin1')");
        }
        String encoding = ((String) args[1]).toLowerCase(Locale.ROOT).replace('_', '-');
        if (!encoding.equals("latin1") && !encoding.equals("latin-1") && !encoding.equals("iso-8859-1")) {
            throw PickleRejectedException.damaged("_codecs.encode with encoding '" + SafeUnpickler.printable(String.valueOf(args[1]))
                    + "' is not supported");
        }
        return ((String) args[0]).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Object emptyBytes(Object[] args) {
        if (args.length != 0) {
            throw PickleRejectedException.damaged("bytes(...) is only supported without arguments (empty bytes)");
        }
        return new byte[0];
    }

    /**
     * The array that an unpickled value stands for, or null when it is not a numpy array. (An array stays the
     * same object through its BUILD, as in Python, so memo references to it see the built array.)
     */
    static NumpyArray arrayOf(Object value) {
        return value instanceof PendingArray ? ((PendingArray) value).built : null;
    }

    /** Raw bytes from a pickled byte string: Python 3 bytes, or a Python 2 str that Pyrolite decoded as latin-1. */
    static byte[] rawBytes(Object value) {
        if (value instanceof byte[]) {
            return (byte[]) value;
        }
        if (value instanceof String) {
            return ((String) value).getBytes(StandardCharsets.ISO_8859_1);
        }
        return null;
    }

    static String typeName(Object o) {
        if (o == null) {
            return "None";
        }
        if (o instanceof Object[]) {
            return "tuple";
        }
        return o.getClass().getSimpleName();
    }

    /** A numpy dtype; only its type string matters for byte arrays. Its BUILD state is accepted and ignored. */
    private record Dtype(String typeString) { }

    /** The result of {@code _reconstruct(ndarray, ...)} before its BUILD supplies shape, dtype and data. */
    private static final class PendingArray {
        private NumpyArray built;

        void build(Object state) {
            if (built != null) {
                throw PickleRejectedException.damaged("numpy array state given twice");
            }
            if (!(state instanceof Object[])) {
                throw PickleRejectedException.damaged("numpy array state is a " + typeName(state) + ", expected a tuple");
            }
            Object[] s = (Object[]) state;
            int at = s.length == 5 ? 1 : 0; // version 1 states start with the version number
            if (s.length - at != 4) {
                throw PickleRejectedException.damaged("numpy array state has " + s.length + " items, expected 4 or 5");
            }
            int[] shape = shape(s[at]);
            if (!(s[at + 1] instanceof Dtype)) {
                throw PickleRejectedException.damaged("numpy array state has no dtype");
            }
            String dtype = ((Dtype) s[at + 1]).typeString();
            boolean fortran = truth(s[at + 2]);
            byte[] data = rawBytes(s[at + 3]);
            if (data == null) {
                throw PickleRejectedException.damaged("numpy array of dtype '" + dtype + "' holds Python objects ("
                        + typeName(s[at + 3]) + "), not raw bytes");
            }
            built = new NumpyArray(dtype, shape, fortran, data);
        }

        private static int[] shape(Object o) {
            if (!(o instanceof Object[])) {
                throw PickleRejectedException.damaged("numpy array shape is a " + typeName(o) + ", expected a tuple");
            }
            Object[] dims = (Object[]) o;
            int[] shape = new int[dims.length];
            for (int i = 0; i < dims.length; i++) {
                if (!(dims[i] instanceof Number) || ((Number) dims[i]).longValue() < 0
                        || ((Number) dims[i]).longValue() > Integer.MAX_VALUE) {
                    throw PickleRejectedException.damaged("numpy array shape has a bad dimension: " + dims[i]);
                }
                shape[i] = ((Number) dims[i]).intValue();
            }
            return shape;
        }

        private static boolean truth(Object o) {
            if (o instanceof Boolean) {
                return (Boolean) o;
            }
            if (o instanceof Number) {
                return ((Number) o).intValue() != 0;
            }
            throw PickleRejectedException.damaged("numpy array fortran-order flag is a " + typeName(o));
        }
    }
}
