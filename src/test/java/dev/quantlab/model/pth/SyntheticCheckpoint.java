package dev.quantlab.model.pth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds small checkpoints the way torch.save lays them out, in either format, for tests. */
final class SyntheticCheckpoint {
    static final BigInteger MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);

    private record Storage(String key, String type, long numel, byte[] data) { }

    private record Tensor(String name, String key, long offset, long[] size, long[] stride, boolean parameter,
            long[] view) { }

    private final Map<String, Storage> storages = new LinkedHashMap<>();
    private final List<Tensor> tensors = new ArrayList<>();
    private String wrapperKey;
    private boolean oldRebuild;
    private boolean metadata;

    /** A storage of {@code type} (such as FloatStorage) declaring {@code numel} elements, with raw bytes. */
    SyntheticCheckpoint storage(String key, String type, long numel, byte[] data) {
        storages.put(key, new Storage(key, type, numel, data));
        return this;
    }

    SyntheticCheckpoint floats(String key, float... values) {
        return storage(key, "FloatStorage", values.length, floatBytes(ByteOrder.LITTLE_ENDIAN, values));
    }

    SyntheticCheckpoint tensor(String name, String key, long offset, long[] size, long[] stride) {
        tensors.add(new Tensor(name, key, offset, size, stride, false, null));
        return this;
    }

    /** A contiguous 1-d tensor over the whole storage. */
    SyntheticCheckpoint vector(String name, String key) {
        long n = storages.get(key).numel();
        return tensor(name, key, 0, new long[] {n}, new long[] {1});
    }

    SyntheticCheckpoint parameter(String name, String key, long offset, long[] size, long[] stride) {
        tensors.add(new Tensor(name, key, offset, size, stride, true, null));
        return this;
    }

    /** Legacy only: a tensor reading a view {@code (offset, size)} of its storage. */
    SyntheticCheckpoint viewTensor(String name, String key, long viewOffset, long viewSize) {
        tensors.add(new Tensor(name, key, 0, new long[] {viewSize}, new long[] {1}, false,
                new long[] {viewOffset, viewSize}));
        return this;
    }

    /** Puts the state dict under {@code key} of a plain dict that also holds a float. */
    SyntheticCheckpoint wrappedIn(String key) {
        this.wrapperKey = key;
        return this;
    }

    /** Uses the old 4-argument {@code _rebuild_tensor}. */
    SyntheticCheckpoint oldRebuild() {
        this.oldRebuild = true;
        return this;
    }

    /** Sets {@code _metadata} on the OrderedDict through BUILD, as nn.Module.state_dict() does. */
    SyntheticCheckpoint withMetadata() {
        this.metadata = true;
        return this;
    }

    byte[] objectPickle(boolean legacy) {
        PickleWriter w = new PickleWriter().proto();
        if (wrapperKey != null) {
            w.emptyDict().mark().str("best_prec1").floating(91.5).str(wrapperKey);
        }
        w.global("collections", "OrderedDict").emptyTuple().reduce().mark();
        for (Tensor t : tensors) {
            w.str(t.name());
            writeTensor(w, t, legacy);
        }
        w.setitems();
        if (metadata) {
            w.emptyDict().str("_metadata")
                    .global("collections", "OrderedDict").emptyTuple().reduce()
                    .str("").emptyDict().str("version").integer(1).setitem().setitem()
                    .setitem().build();
        }
        if (wrapperKey != null) {
            w.setitems();
        }
        return w.stop().bytes();
    }

    private void writeTensor(PickleWriter w, Tensor t, boolean legacy) {
        if (t.parameter()) {
            w.global("torch._utils", "_rebuild_parameter").mark();
        }
        Storage s = storages.get(t.key());
        w.global("torch._utils", oldRebuild ? "_rebuild_tensor" : "_rebuild_tensor_v2").mark();
        w.mark().str("storage").global("torch", s.type()).str(s.key()).str("cuda:0").integer(s.numel());
        if (legacy) {
            if (t.view() == null) {
                w.none();
            } else {
                w.mark().str(s.key() + "_view").integer(t.view()[0]).integer(t.view()[1]).tuple();
            }
        }
        w.tuple().binpersid();
        w.integer(t.offset());
        w.mark();
        for (long d : t.size()) {
            w.integer(d);
        }
        w.tuple().mark();
        for (long d : t.stride()) {
            w.integer(d);
        }
        w.tuple();
        if (!oldRebuild) {
            w.bool(false).global("collections", "OrderedDict").emptyTuple().reduce();
        }
        w.tuple().reduce();
        if (t.parameter()) {
            w.bool(true).global("collections", "OrderedDict").emptyTuple().reduce().tuple().reduce();
        }
    }

    /** Zip format; {@code byteOrder} null means no byteorder record. */
    void writeZip(Path file, String prefix, String byteOrder) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            entry(zip, prefix + "data.pkl", objectPickle(false));
            if (byteOrder != null) {
                entry(zip, prefix + "byteorder", byteOrder.getBytes(StandardCharsets.US_ASCII));
            }
            for (Storage s : storages.values()) {
                entry(zip, prefix + "data/" + s.key(), s.data());
            }
            entry(zip, prefix + "version", "3\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Zip format with uncompressed (STORED) entries, as torch.save writes them. */
    void writeStoredZip(Path file) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            storedEntry(zip, "archive/data.pkl", objectPickle(false));
            for (Storage s : storages.values()) {
                storedEntry(zip, "archive/data/" + s.key(), s.data());
            }
        }
    }

    static void storedEntry(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    static void entry(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    /** Legacy format: magic, version, sys info, object, keys, then each storage with its count. */
    byte[] legacyBytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new PickleWriter().proto().long1(MAGIC).stop().bytes());
        out.writeBytes(new PickleWriter().proto().integer(1001).stop().bytes());
        out.writeBytes(new PickleWriter().proto().emptyDict().mark()
                .str("protocol_version").integer(1001)
                .str("little_endian").bool(true)
                .str("type_sizes").emptyDict().mark().str("short").integer(2).str("int").integer(4)
                .str("long").integer(4).setitems()
                .setitems().stop().bytes());
        out.writeBytes(objectPickle(true));
        PickleWriter keys = new PickleWriter().proto().emptyList().mark();
        for (String k : storages.keySet()) {
            keys.str(k);
        }
        out.writeBytes(keys.appends().stop().bytes());
        for (Storage s : storages.values()) {
            writeLong(out, s.numel());
            out.writeBytes(s.data());
        }
        return out.toByteArray();
    }

    void writeLegacy(Path file) throws IOException {
        Files.write(file, legacyBytes());
    }

    static void writeLong(OutputStream out, long v) throws IOException {
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
    }

    static byte[] floatBytes(ByteOrder order, float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(order);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    static byte[] longBytes(long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return b.array();
    }

    /** A zip checkpoint whose data.pkl is {@code pickle} and whose entries hold {@code extra}. */
    static void writeRawZip(Path file, byte[] pickle, Map<String, byte[]> extra) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            entry(zip, "archive/data.pkl", pickle);
            for (Map.Entry<String, byte[]> e : extra.entrySet()) {
                entry(zip, e.getKey(), e.getValue());
            }
        }
    }
}
