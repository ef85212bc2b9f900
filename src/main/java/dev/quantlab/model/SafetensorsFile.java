package dev.quantlab.model;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.quantlab.core.AtomicFiles;
import dev.quantlab.core.UserFacingException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes the safetensors format: an 8-byte little-endian header length, a JSON header
 * mapping each name to dtype, shape and byte offsets, then the raw little-endian data.
 */
public final class SafetensorsFile {
    private static final long MAX_HEADER = 100L << 20;

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

    public static Contents read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw bad(file, "file is " + size + " bytes, too short for a safetensors header");
            }
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, lenBuf, 0);
            long headerLen = lenBuf.flip().getLong();
            if (headerLen <= 0 || headerLen > MAX_HEADER || 8 + headerLen > size) {
                throw bad(file, "header length " + headerLen + " does not fit a file of " + size + " bytes");
            }
            ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
            readFully(ch, hb, 8);
            JsonObject header;
            try {
                header = new Gson().fromJson(new String(hb.array(), StandardCharsets.UTF_8), JsonObject.class);
            } catch (JsonParseException e) {
                throw bad(file, "header is not valid JSON (" + e.getMessage() + ")");
            }
            if (header == null) {
                throw bad(file, "empty header");
            }
            long dataStart = 8 + headerLen;
            long dataLen = size - dataStart;
            StateDict dict = new StateDict();
            Map<String, String> meta = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : header.entrySet()) {
                if (e.getKey().equals("__metadata__")) {
                    e.getValue().getAsJsonObject().entrySet()
                            .forEach(m -> meta.put(m.getKey(), m.getValue().getAsString()));
                    continue;
                }
                dict.put(e.getKey(), readTensor(file, ch, e.getKey(), e.getValue().getAsJsonObject(), dataStart, dataLen));
            }
            return new Contents(dict, meta);
        } catch (NoSuchFileException e) {
            throw new UserFacingException("Model file not found: " + file);
        } catch (IOException e) {
            throw new UserFacingException("Cannot read model file " + file + ": " + e.getMessage(), e);
        } catch (UserFacingException e) {
            throw e;
        } catch (RuntimeException e) {
            // a damaged header: missing or mistyped fields, offsets or shapes that make no sense
            throw bad(file, "malformed header (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    private static TensorData readTensor(Path file, FileChannel ch, String name, JsonObject entry, long dataStart,
            long dataLen) throws IOException {
        TensorData.DType type;
        try {
            type = TensorData.DType.valueOf(entry.get("dtype").getAsString());
        } catch (IllegalArgumentException e) {
            throw bad(file, "tensor " + name + " has unsupported dtype " + entry.get("dtype"));
        }
        JsonArray shapeJson = entry.getAsJsonArray("shape");
        long[] shape = new long[shapeJson.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeJson.get(i).getAsLong();
        }
        JsonArray off = entry.getAsJsonArray("data_offsets");
        long begin = off.get(0).getAsLong();
        long end = off.get(1).getAsLong();
        long numel = Shapes.numel(shape);
        if (begin < 0 || end < begin || end > dataLen || end - begin != numel * elementSize(type)) {
            throw bad(file, "tensor " + name + " " + java.util.Arrays.toString(shape) + " " + type
                    + " has offsets [" + begin + ", " + end + ") that do not match its size or the file ("
                    + dataLen + " data bytes)");
        }
        if (numel > Integer.MAX_VALUE - 8) {
            throw bad(file, "tensor " + name + " is too large");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, buf, dataStart + begin);
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
        return new TensorData(shape, kept, values, first);
    }

    static int elementSize(TensorData.DType type) {
        return switch (type) {
            case F32, I32 -> 4;
            case F16, BF16 -> 2;
            case F64, I64 -> 8;
        };
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new IOException("unexpected end of file");
            }
            pos += n;
        }
    }

    private static UserFacingException bad(Path file, String what) {
        return new UserFacingException("Model file " + file + " is not a valid safetensors file: " + what);
    }
}
