package dev.quantlab.model.pth;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A checkpoint in PyTorch's legacy format (before 1.6): five pickles in a row (magic number,
 * protocol version, system info, the object, the list of storage keys), then each storage in
 * key-list order as an int64 little-endian element count followed by its raw elements.
 */
final class LegacyCheckpoint implements StorageSource, Closeable {
    private static final BigInteger MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
    private static final long PROTOCOL_VERSION = 1001;
    private static final long MAX_STORAGE_BYTES = Integer.MAX_VALUE - 8;

    private final CountingInput in;
    private final Map<String, StorageRef> storages = new HashMap<>();
    private final List<String> storageKeys = new ArrayList<>();

    private LegacyCheckpoint(CountingInput in) {
        this.in = in;
    }

    static LegacyCheckpoint open(Path file, long fileSize) throws IOException {
        return new LegacyCheckpoint(new CountingInput(new BufferedInputStream(Files.newInputStream(file), 1 << 16),
                fileSize));
    }

    /** Reads the four pickles up to and including the storage key list; returns the object. */
    Object unpickle() {
        Object magic = plainPickle();
        if (!isMagic(magic)) {
            throw CheckpointException.damaged("it is a Python pickle without PyTorch's magic number, "
                    + "so not a PyTorch checkpoint");
        }
        long version = PickleValues.toLong(plainPickle(), "the legacy protocol version");
        if (version != PROTOCOL_VERSION) {
            throw CheckpointException.damaged("it uses legacy protocol version " + version + "; QuantLab reads "
                    + PROTOCOL_VERSION);
        }
        checkSysInfo(plainPickle());
        Object root = new RestrictedUnpickler(in, this::storage).read();
        Object keys = plainPickle();
        for (Object key : PickleValues.toTuple(keys, "the list of storage keys")) {
            storageKeys.add(PickleValues.toKey(key, "a storage key"));
        }
        return root;
    }

    private Object plainPickle() {
        return new RestrictedUnpickler(in, null).read();
    }

    private static boolean isMagic(Object value) {
        if (value instanceof BigInteger) {
            return MAGIC.equals(value);
        }
        return false;
    }

    private static void checkSysInfo(Object info) {
        if (!(info instanceof Map)) {
            throw CheckpointException.damaged("its system-info record is " + PickleValues.describe(info)
                    + " instead of a dict");
        }
        if (Boolean.FALSE.equals(((Map<?, ?>) info).get("little_endian"))) {
            throw CheckpointException.damaged("it was written on a big-endian machine; QuantLab reads legacy "
                    + "checkpoints only in little-endian byte order");
        }
        // type_sizes may say long=4 (written on Windows): LongStorage elements are 8 bytes regardless.
    }

    /** Resolves ('storage', type, root key, location, numel, view metadata); location is ignored. */
    private StorageRef storage(Object pid) {
        PersistentId id = PersistentId.parse(pid, 6);
        StorageType type = id.type();
        String key = id.key();
        long numel = id.numel();
        StorageRef root = storages.get(key);
        if (root == null) {
            checkFits(key, type, numel);
            root = StorageRef.whole(key, type, numel);
            storages.put(key, root);
        } else if (root.type() != type || root.rootNumel() != numel) {
            throw CheckpointException.damaged("storage '" + key + "' is described twice, differently");
        }
        if (id.view() == null) {
            return root;
        }
        Object[] view = PickleValues.toTuple(id.view(), "a storage view");
        if (view.length != 3) {
            throw CheckpointException.damaged("storage '" + key + "' has a malformed view");
        }
        long offset = PickleValues.toLong(view[1], "a storage view offset");
        long size = PickleValues.toLong(view[2], "a storage view size");
        if (offset < 0 || size < 0 || offset > numel || size > numel - offset) {
            throw CheckpointException.damaged("a view of storage '" + key + "' lies outside it");
        }
        return new StorageRef(key, type, numel, offset, size);
    }

    /** Early check, before any allocation: the storage cannot be bigger than the rest of the file. */
    private void checkFits(String key, StorageType type, long numel) {
        long bytes = byteSize(key, type, numel);
        if (bytes > in.remaining()) {
            throw CheckpointException.damaged("storage '" + key + "' declares " + numel + " elements of "
                    + type.pythonName() + " (" + bytes + " bytes) but only " + in.remaining()
                    + " bytes remain in the file; it is truncated or damaged");
        }
    }

    private static long byteSize(String key, StorageType type, long numel) {
        if (numel < 0) {
            throw CheckpointException.damaged("storage '" + key + "' declares a negative size");
        }
        try {
            return Math.multiplyExact(numel, (long) type.elementSize());
        } catch (ArithmeticException e) {
            throw CheckpointException.damaged("storage '" + key + "' declares an impossible size (" + numel + ")");
        }
    }

    @Override
    public void read(Set<String> keys, Sink sink) throws IOException {
        Set<String> pending = new HashSet<>(keys);
        for (String key : storageKeys) {
            if (pending.isEmpty()) {
                return;
            }
            StorageRef root = storages.get(key);
            if (root == null) {
                throw CheckpointException.damaged("storage '" + key + "' is listed but no tensor describes it");
            }
            long count = readCount(key);
            if (count != root.rootNumel()) {
                throw CheckpointException.damaged("storage '" + key + "' holds " + count + " elements but is "
                        + "declared with " + root.rootNumel());
            }
            long bytes = byteSize(key, root.type(), count);
            if (bytes > in.remaining()) {
                throw CheckpointException.damaged("the file is truncated: storage '" + key + "' needs " + bytes
                        + " bytes but only " + in.remaining() + " remain");
            }
            if (!pending.remove(key)) {
                in.skipFully(bytes);
                continue;
            }
            if (bytes > MAX_STORAGE_BYTES) {
                throw CheckpointException.damaged("storage '" + key + "' is over 2 GB, more than QuantLab can read");
            }
            byte[] data = new byte[(int) bytes];
            try {
                in.readFully(data);
            } catch (EOFException e) {
                throw CheckpointException.damaged("the file is truncated inside storage '" + key + "'", e);
            }
            sink.accept(key, ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN));
        }
        if (!pending.isEmpty()) {
            throw CheckpointException.damaged("storage '" + pending.iterator().next()
                    + "' is missing from the file's storage list");
        }
    }

    private long readCount(String key) throws IOException {
        byte[] b = new byte[8];
        try {
            in.readFully(b);
        } catch (EOFException e) {
            throw CheckpointException.damaged("the file is truncated: it ends before storage '" + key + "'", e);
        }
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
