package dev.quantlab.model.pth;

import java.io.EOFException;
import java.io.IOException;
import java.io.PushbackInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;

/**
 * Pyrolite's unpickler with the safety rules of a weights file: globals only from
 * {@link AllowedGlobals}, no class instantiation opcodes, every length prefix checked against
 * the bytes really left before anything is allocated, dicts kept in file order, and
 * {@code BUILD} accepted only to set (ignored) attributes such as an OrderedDict's
 * {@code _metadata}. One instance reads one pickle.
 */
final class RestrictedUnpickler extends Unpickler {

    /** Resolves the persistent ids PyTorch writes for storages. */
    @FunctionalInterface
    interface PersistentIds {
        StorageRef load(Object pid);
    }

    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final CountingInput source;
    private final PushbackInputStream pushback;
    private final PersistentIds persistentIds;

    /**
     * @param source        the pickle's bytes, followed by anything (it reads up to STOP only)
     * @param persistentIds how to resolve storages, or null if the pickle must hold none
     */
    RestrictedUnpickler(CountingInput source, PersistentIds persistentIds) {
        this.source = source;
        this.pushback = new PushbackInputStream(source, 8);
        this.persistentIds = persistentIds;
    }

    /** Reads one pickle; every failure becomes a {@link CheckpointException}. */
    Object read() {
        try {
            return load(pushback);
        } catch (CheckpointException e) {
            throw e;
        } catch (EOFException e) {
            throw truncated(e);
        } catch (IOException e) {
            if (source.remaining() == 0 || String.valueOf(e.getMessage()).contains("premature end")) {
                throw truncated(e);
            }
            throw CheckpointException.damaged("its pickled data cannot be read (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            throw CheckpointException.damaged("its pickled data is damaged or not a PyTorch checkpoint ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    private static CheckpointException truncated(IOException e) {
        return CheckpointException.damaged("the file ends in the middle of its pickled data; it is truncated", e);
    }

    @Override
    protected Object dispatch(short key) throws IOException {
        switch (key) {
            case Opcodes.GLOBAL: {
                String module = PickleUtils.readline(input);
                String name = PickleUtils.readline(input);
                stack.add(AllowedGlobals.resolve(module, name));
                return NO_RETURN_VALUE;
            }
            case Opcodes.STACK_GLOBAL: {
                Object name = stack.pop();
                Object module = stack.pop();
                if (!(name instanceof String) || !(module instanceof String)) {
                    throw CheckpointException.damaged("a STACK_GLOBAL instruction names no class");
                }
                stack.add(AllowedGlobals.resolve((String) module, (String) name));
                return NO_RETURN_VALUE;
            }
            case Opcodes.INST: {
                String module = PickleUtils.readline(input);
                String name = PickleUtils.readline(input);
                throw AllowedGlobals.refusal(module + "." + name);
            }
            case Opcodes.OBJ:
                throw CheckpointException.refused("it instantiates a Python class (pickle OBJ instruction), "
                        + "which is not allowed in a weights file");
            case Opcodes.EXT1:
            case Opcodes.EXT2:
            case Opcodes.EXT4:
                throw CheckpointException.refused("it uses the pickle extension registry, "
                        + "which is not allowed in a weights file");
            case Opcodes.BUILD:
                build();
                return NO_RETURN_VALUE;
            case Opcodes.EMPTY_DICT:
                stack.add(new LinkedHashMap<Object, Object>());
                return NO_RETURN_VALUE;
            case Opcodes.DICT: {
                Map<Object, Object> dict = new LinkedHashMap<>();
                putPairs(dict, stack.pop_all_since_marker());
                stack.add(dict);
                return NO_RETURN_VALUE;
            }
            case Opcodes.SETITEM: {
                Object value = stack.pop();
                Object k = stack.pop();
                targetDict().put(k, value);
                return NO_RETURN_VALUE;
            }
            case Opcodes.SETITEMS: {
                List<Object> items = stack.pop_all_since_marker();
                putPairs(targetDict(), items);
                return NO_RETURN_VALUE;
            }
            case Opcodes.BINSTRING:
            case Opcodes.BINUNICODE:
            case Opcodes.BINBYTES:
            case Opcodes.LONG4:
                checkLengthPrefix(4);
                return super.dispatch(key);
            case Opcodes.BINUNICODE8:
            case Opcodes.BINBYTES8:
            case Opcodes.BYTEARRAY8:
                checkLengthPrefix(8);
                return super.dispatch(key);
            default:
                return super.dispatch(key);
        }
    }

    @Override
    protected Object persistentLoad(Object pid) {
        if (persistentIds == null) {
            throw CheckpointException.damaged("a storage reference appears where none is expected");
        }
        return persistentIds.load(pid);
    }

    /** BUILD sets an object's state; for weights only dict attributes and tensor state occur. */
    private void build() {
        stack.pop();
        Object target = stack.peek();
        if (!(target instanceof Map) && !(target instanceof TensorRef)) {
            throw CheckpointException.damaged("its pickle sets the state of " + PickleValues.describe(target)
                    + ", which a weights file never does");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> targetDict() {
        Object target = stack.peek();
        if (!(target instanceof Map)) {
            throw CheckpointException.damaged("its pickle stores items into " + PickleValues.describe(target)
                    + " instead of a dict");
        }
        return (Map<Object, Object>) target;
    }

    private static void putPairs(Map<Object, Object> dict, List<Object> items) {
        if (items.size() % 2 != 0) {
            throw CheckpointException.damaged("its pickle has a dict with an odd number of keys and values");
        }
        for (int i = 0; i < items.size(); i += 2) {
            dict.put(items.get(i), items.get(i + 1));
        }
    }

    /** Reads a little-endian length prefix, refuses it if more than the bytes left, and puts it back. */
    private void checkLengthPrefix(int width) throws IOException {
        byte[] prefix = PickleUtils.readbytes(pushback, width);
        long length = 0;
        for (int i = width - 1; i >= 0; i--) {
            length = (length << 8) | (prefix[i] & 0xff);
        }
        if (length < 0 || length > MAX_ARRAY || length > source.remaining()) {
            throw CheckpointException.damaged("its pickled data declares a " + Long.toUnsignedString(length)
                    + "-byte value but only " + source.remaining() + " bytes remain; it is truncated or damaged");
        }
        pushback.unread(prefix);
    }
}
