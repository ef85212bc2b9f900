package dev.quantlab.model;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.quantlab.core.AtomicFiles;
import dev.quantlab.core.UserFacingException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.quantlab.core.IoReasons;

/**
 * Reads and writes the safetensors format: an 8-byte little-endian header length, a JSON header
 * mapping each name to dtype, shape and byte offsets, then the raw little-endian data.
 */
public final class SafetensorsFile {
    private SafetensorsFile() { }

    /** A state dict plus the string metadata stored under {@code __metadata__}. */
    public record Contents(StateDict tensors, Map<String, String> metadata) { }

    public static void write(Path file, StateDict dict, Map<String, String> metadata, TensorData.DType floatType)
            throws IOException {
        JsonObject header = new JsonObject();
        if (metadata != null && !metadata.isEmpty()) {
            JsonObject meta = new JsonObject();
            metadata.forEach(meta::addProperty);
            header.add("__metadata__", meta);
        }
        long offset = 0;
        for (Map.Entry<String, TensorData> e : dict.asMap().entrySet()) {
            TensorData t = e.getValue();
            TensorData.DType type = t.isInteger() ? TensorData.DType.I64 : floatType;
            long bytes = t.numel() * elementSize(type);
            JsonObject entry = new JsonObject();
            entry.addProperty("dtype", type.name());
            JsonArray shape = new JsonArray();
            for (long d : t.shape()) {
                shape.add(d);
            }
            entry.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offsets.add(offset + bytes);
            entry.add("data_offsets", offsets);
            header.add(e.getKey(), entry);
            offset += bytes;
        }
        byte[] json = new Gson().toJson(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        AtomicFiles.write(file, out -> {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
            out.write(len.array());
            out.write(json);
            for (int i = json.length; i < padded; i++) {
                out.write(' ');
            }
            for (TensorData t : dict.asMap().values()) {
                writeData(out, t, t.isInteger() ? TensorData.DType.I64 : floatType);
            }
        });
    }

    private static void writeData(OutputStream out, TensorData t, TensorData.DType type) throws IOException {
        if (type == TensorData.DType.I64) {
            ByteBuffer b = ByteBuffer.allocate(8 * t.values().length).order(ByteOrder.LITTLE_ENDIAN);
            boolean exactScalar = t.dtype() == TensorData.DType.I64 && t.values().length == 1;
            for (float v : t.values()) {
                b.putLong(exactScalar ? t.longValue() : (long) v);
            }
            out.write(b.array());
            return;
        }
        float[] v = t.values();
        int size = elementSize(type);
        ByteBuffer b = ByteBuffer.allocate(Math.min(v.length, 1 << 16) * size).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < v.length; i++) {
            if (type == TensorData.DType.F32) {
                b.putFloat(v[i]);
            } else if (type == TensorData.DType.F16) {
                b.putShort(Half.fromFloat(v[i]));
            } else {
                throw new IllegalArgumentException("cannot write " + type);
            }
            if (!b.hasRemaining()) {
                out.write(b.array(), 0, b.position());
                b.clear();
            }
        }
        out.write(b.array(), 0, b.position());
    }

    /** Reads a safetensors file, refusing anything the format does not allow (see {@link SafetensorsHeader}). */
    public static Contents read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(file.toString(), ch);
        } catch (NoSuchFileException e) {
            throw new UserFacingException("Model file not found: " + file);
        } catch (IOException e) {
            throw new UserFacingException("Cannot read model file " + file + ": " + IoReasons.of(e), e);
        }
    }

    /** Reads safetensors bytes held in memory; {@code name} names them in messages. */
    public static Contents read(String name, byte[] bytes) {
        try {
            return read(name, new InMemoryChannel(bytes));
        } catch (IOException e) {
            throw new UserFacingException("Cannot read model file " + name + ": " + IoReasons.of(e), e);
        }
    }

    private static Contents read(String file, SeekableByteChannel ch) throws IOException {
        long size = ch.size();
        if (size < 8) {
            throw bad(file, "file is " + size + " bytes, too short for a safetensors header");
        }
        ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, lenBuf, 0);
        long headerLen = lenBuf.flip().getLong();
        SafetensorsHeader header;
        try {
            SafetensorsHeader.checkLength(headerLen, size);
            ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
            readFully(ch, hb, 8);
            header = SafetensorsHeader.parse(hb.array(), size - 8 - headerLen);
        } catch (SafetensorsHeader.Invalid e) {
            throw bad(file, e.getMessage());
        }
        long dataStart = 8 + headerLen;
        StateDict dict = new StateDict();
        for (SafetensorsHeader.Entry e : header.entries()) {
            dict.put(e.name(), readTensor(file, ch, e, dataStart));
        }
        return new Contents(dict, new LinkedHashMap<>(header.metadata()));
    }

    private static TensorData readTensor(String file, SeekableByteChannel ch,
            SafetensorsHeader.Entry e, long dataStart) throws IOException {
        long numel = e.numel();
        if (numel > Integer.MAX_VALUE - 8) {
            throw bad(file, "tensor " + SafetensorsHeader.shorten(e.name()) + " is too large");
        }
        TensorData.DType type = e.dtype();
        ByteBuffer buf = ByteBuffer.allocate((int) (e.end() - e.begin())).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, buf, dataStart + e.begin());
        buf.flip();
        float[] values = new float[(int) numel];
        long first = 0;
        for (int i = 0; i < values.length; i++) {
            switch (type) {
                case F32 -> values[i] = buf.getFloat();
                case F16 -> values[i] = Half.toFloat(buf.getShort());
                case BF16 -> values[i] = Float.intBitsToFloat((buf.getShort() & 0xffff) << 16);
                case F64 -> values[i] = (float) buf.getDouble();
                case I64 -> {
                    long v = buf.getLong();
                    if (i == 0) {
                        first = v;
                    }
                    values[i] = v;
                }
                case I32 -> values[i] = buf.getInt();
                default -> throw new IllegalStateException();
            }
        }
        TensorData.DType kept = (type == TensorData.DType.I64 || type == TensorData.DType.I32) ? TensorData.DType.I64
                : TensorData.DType.F32;
        return new TensorData(e.shape(), kept, values, first);
    }

    static int elementSize(TensorData.DType type) {
        return switch (type) {
            case F32, I32 -> 4;
            case F16, BF16 -> 2;
            case F64, I64 -> 8;
        };
    }

    private static void readFully(SeekableByteChannel ch, ByteBuffer buf, long position)
            throws IOException {
        ch.position(position);
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
    }

    /** A read-only channel over bytes in memory. */
    private static final class InMemoryChannel implements SeekableByteChannel {
        private final byte[] bytes;
        private long position;

        InMemoryChannel(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (position >= bytes.length) {
                return -1;
            }
            int n = (int) Math.min(dst.remaining(), bytes.length - position);
            dst.put(bytes, (int) position, n);
            position += n;
            return n;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            throw new NonWritableChannelException();
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public InMemoryChannel position(long newPosition) {
            position = newPosition;
            return this;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public InMemoryChannel truncate(long size) {
            throw new NonWritableChannelException();
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() { }
    }

    private static UserFacingException bad(String file, String what) {
        return new UserFacingException("Model file " + file + " is not a valid safetensors file: " + what);
    }
}
