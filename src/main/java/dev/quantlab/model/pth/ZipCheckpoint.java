package dev.quantlab.model.pth;

import static dev.quantlab.core.pickle.SafeUnpickler.printable;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A checkpoint in PyTorch's zip format (torch.save since 1.6): {@code <prefix>/data.pkl} holds the
 * pickled object and {@code <prefix>/data/<key>} the raw bytes of each storage. Read through the
 * central directory ({@link ZipFile}), since the local headers of these files carry no sizes.
 */
final class ZipCheckpoint implements StorageSource, Closeable {
    private static final String PICKLE = "data.pkl";
    /** A weights file's data.pkl is kilobytes to a few MB; 64 MiB is far more than any needs. */
    private static final long MAX_PICKLE_BYTES = 64L << 20;
    /** Entries may be deflated, but no weights or pickle data compresses better than this. */
    private static final long MAX_INFLATION = 32;
    private static final long INFLATION_SLACK = 1L << 20;
    private static final long MAX_STORAGE_BYTES = Integer.MAX_VALUE - 8;

    private final ZipFile zip;
    private final String prefix;
    private final long fileSize;
    private final ByteOrder order;
    private final Map<String, StorageRef> storages = new HashMap<>();

    private ZipCheckpoint(ZipFile zip, String prefix, long fileSize) throws IOException {
        this.zip = zip;
        this.prefix = prefix;
        this.fileSize = fileSize;
        this.order = readByteOrder();
    }

    static ZipCheckpoint open(Path file, long fileSize) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw CheckpointException.damaged("it looks like a zip archive but is damaged or truncated ("
                    + e.getMessage() + ")", e);
        } catch (EOFException e) {
            // found by fuzzing: a central directory that points past the end of the file
            throw CheckpointException.damaged("it looks like a zip archive but is damaged or truncated (its "
                    + "directory points past the end of the file)", e);
        }
        try {
            return new ZipCheckpoint(zip, findPrefix(zip), fileSize);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /** The folder holding {@code data.pkl}; its name is arbitrary (often not the file's name). */
    private static String findPrefix(ZipFile zip) {
        List<String> names;
        try {
            names = zip.stream().map(ZipEntry::getName).collect(Collectors.toList());
        } catch (IllegalArgumentException e) {
            // found by fuzzing: ZipFile decodes entry names lazily and throws this for bytes that are not UTF-8
            throw CheckpointException.damaged("its zip directory holds an entry name that is not valid UTF-8, "
                    + "which torch.save never writes", e);
        }
        boolean torchScript = names.stream().anyMatch(n -> n.endsWith("/constants.pkl") || n.contains("/code/"));
        if (torchScript) {
            throw CheckpointException.damaged("it is a TorchScript archive (saved with torch.jit.save), not a state "
                    + "dict; save the weights with torch.save(model.state_dict(), path) instead");
        }
        String pickle = names.stream()
                .filter(n -> n.equals(PICKLE) || n.endsWith("/" + PICKLE))
                .min(Comparator.comparingInt(String::length))
                .orElseThrow(() -> CheckpointException.damaged("it is a zip archive without a data.pkl entry, "
                        + "so not a PyTorch checkpoint"));
        return pickle.substring(0, pickle.length() - PICKLE.length());
    }

    private ByteOrder readByteOrder() throws IOException {
        ZipEntry entry = zip.getEntry(prefix + "byteorder");
        if (entry == null) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        String text = new String(readEntry(entry, Math.min(Math.max(entry.getSize(), 0), 16)),
                StandardCharsets.US_ASCII).trim();
        if (text.equals("little")) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        if (text.equals("big")) {
            return ByteOrder.BIG_ENDIAN;
        }
        throw CheckpointException.damaged("its byteorder record says '" + text + "' instead of little or big");
    }

    /** Unpickles {@code data.pkl}, checking each storage it references against its data entry. */
    Object unpickle() throws IOException {
        ZipEntry entry = zip.getEntry(prefix + PICKLE);
        long size = entry.getSize();
        if (size < 0 || size > MAX_PICKLE_BYTES) {
            throw CheckpointException.damaged("its " + printable(entry.getName()) + " entry declares " + size
                    + " bytes, more than a weights file needs");
        }
        byte[] bytes = readEntry(entry, size);
        CountingInput in = new CountingInput(new ByteArrayInputStream(bytes), bytes.length);
        return new RestrictedUnpickler(in, this::storage).read();
    }

    /** Resolves ('storage', type, key, location, numel); the location (such as cuda:0) is ignored. */
    private StorageRef storage(Object pid) {
        PersistentId id = PersistentId.parse(pid, 5);
        StorageType type = id.type();
        String key = id.key();
        long numel = id.numel();
        StorageRef known = storages.get(key);
        if (known != null) {
            if (known.type() != type || known.numel() != numel) {
                throw CheckpointException.damaged("storage '" + key + "' is described twice, differently");
            }
            return known;
        }
        checkEntrySize(key, type, numel);
        StorageRef ref = StorageRef.whole(key, type, numel);
        storages.put(key, ref);
        return ref;
    }

    private void checkEntrySize(String key, StorageType type, long numel) {
        ZipEntry entry = zip.getEntry(prefix + "data/" + key);
        if (entry == null) {
            throw CheckpointException.damaged("storage '" + printable(key) + "' has no data entry '"
                    + printable(prefix + "data/" + key) + "'; the archive is incomplete");
        }
        long actual = entry.getSize();
        long declared;
        try {
            declared = numel < 0 ? -1 : Math.multiplyExact(numel, (long) type.elementSize());
        } catch (ArithmeticException e) {
            declared = -1;
        }
        if (declared != actual) {
            throw CheckpointException.damaged("storage '" + key + "' declares " + numel + " elements of "
                    + type.pythonName() + " (" + (declared < 0 ? "an impossible size" : declared + " bytes")
                    + ") but its data entry '" + entry.getName() + "' holds " + actual
                    + " bytes; the file is damaged or not a genuine checkpoint");
        }
        if (actual > fileSize) {
            throw CheckpointException.damaged("storage '" + key + "' claims " + actual
                    + " bytes, more than the whole file (" + fileSize + " bytes)");
        }
        if (actual > MAX_STORAGE_BYTES) {
            throw CheckpointException.damaged("storage '" + key + "' is over 2 GB, more than QuantLab can read");
        }
    }

    @Override
    public void read(Set<String> keys, Sink sink) throws IOException {
        for (String key : keys) {
            StorageRef ref = storages.get(key);
            ZipEntry entry = zip.getEntry(prefix + "data/" + key);
            byte[] bytes = readEntry(entry, ref.rootNumel() * ref.type().elementSize());
            sink.accept(key, ByteBuffer.wrap(bytes).order(order));
        }
    }

    /**
     * Exactly {@code size} bytes of {@code entry} (the size was checked by the caller), verified against the
     * entry's CRC-32. An entry that claims to inflate far beyond its compressed size (a zip bomb) is refused
     * before it is inflated.
     */
    private byte[] readEntry(ZipEntry entry, long size) throws IOException {
        long compressed = entry.getCompressedSize();
        if (entry.getMethod() != ZipEntry.STORED && compressed >= 0
                && size > INFLATION_SLACK + MAX_INFLATION * compressed) {
            throw CheckpointException.damaged("its entry '" + printable(entry.getName()) + "' would inflate from "
                    + compressed + " to " + size + " bytes, far more than any weights file compresses; "
                    + "it is damaged or hostile");
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readNBytes((int) size);
        } catch (ZipException | EOFException e) {
            throw CheckpointException.damaged("its entry '" + printable(entry.getName()) + "' is damaged ("
                    + e.getMessage() + ")", e);
        }
        if (bytes.length != size) {
            throw CheckpointException.damaged("its entry '" + printable(entry.getName()) + "' ends after "
                    + bytes.length + " of " + size + " bytes; the file is truncated");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
            throw CheckpointException.damaged("its entry '" + printable(entry.getName()) + "' fails its CRC-32 "
                    + "check (stored " + String.format("%08x", entry.getCrc()) + ", computed "
                    + String.format("%08x", crc.getValue()) + "); the file is damaged");
        }
        return bytes;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
