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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compressed model file: every weight-shared tensor as its packed indices ({@code NAME.indices}, dtype
 * {@code U8}, {@code ceil(n * bits / 8)} bytes) and its codebook ({@code NAME.codebook}, {@code F32}), the other
 * tensors as {@code F32} (counters as {@code I64}), in the safetensors layout, so any safetensors reader can
 * open it. The metadata says {@code format = quantlab-packed}, and per packed tensor its bits and shape
 * ({@code NAME.bits}, {@code NAME.shape}). {@link ModelFiles#load} recognises such files and decodes them.
 */
public final class PackedModelFile {
    /** The metadata value of {@code format} that marks a packed file. */
    public static final String FORMAT = "quantlab-packed";
    static final String INDICES = ".indices";
    static final String CODEBOOK = ".codebook";
    private static final long MAX_HEADER = 100L << 20;

    private PackedModelFile() { }

    /**
     * What a packed file holds.
     *
     * @param packed   the weight-shared tensors
     * @param rest     the other tensors, stored as they are
     * @param metadata extra string metadata (without the format keys)
     */
    public record Contents(List<PackedTensor> packed, StateDict rest, Map<String, String> metadata) {
        public Contents {
            packed = List.copyOf(packed);
            metadata = Map.copyOf(metadata);
        }

        /** The full state dict: packed tensors decoded, in the order {@code order} gives (others appended). */
        public StateDict decode(List<String> order) {
            Map<String, TensorData> all = new LinkedHashMap<>();
            for (PackedTensor p : packed) {
                all.put(p.name(), p.decode());
            }
            rest.asMap().forEach(all::put);
            StateDict out = new StateDict();
            for (String name : order) {
                TensorData t = all.remove(name);
                if (t != null) {
                    out.put(name, t);
                }
            }
            all.forEach(out::put);
            return out;
        }
    }

    /** Writes {@code contents} to {@code file} (atomically: a failed write leaves no half file). */
    public static void write(Path file, Contents contents) throws IOException {
        JsonObject header = new JsonObject();
        JsonObject meta = new JsonObject();
        contents.metadata().forEach(meta::addProperty);
        meta.addProperty("format", FORMAT);
        for (PackedTensor p : contents.packed()) {
            meta.addProperty(p.name() + ".bits", Integer.toString(p.bits()));
            meta.addProperty(p.name() + ".shape", joinShape(p.shape()));
        }
        header.add("__metadata__", meta);
        List<byte[]> blobs = new ArrayList<>();
        long[] offset = {0};
        for (PackedTensor p : contents.packed()) {
            add(header, blobs, offset, p.name() + INDICES, "U8", new long[] {p.packed().length}, p.packed());
            add(header, blobs, offset, p.name() + CODEBOOK, "F32", new long[] {p.centroids().length},
                    floats(p.centroids()));
        }
        for (Map.Entry<String, TensorData> e : contents.rest().asMap().entrySet()) {
            TensorData t = e.getValue();
            if (t.isInteger()) {
                ByteBuffer b = ByteBuffer.allocate(8 * t.values().length).order(ByteOrder.LITTLE_ENDIAN);
                for (float v : t.values()) {
                    b.putLong(t.values().length == 1 ? t.longValue() : (long) v);
                }
                add(header, blobs, offset, e.getKey(), "I64", t.shape(), b.array());
            } else {
                add(header, blobs, offset, e.getKey(), "F32", t.shape(), floats(t.values()));
            }
        }
        byte[] json = new Gson().toJson(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        AtomicFiles.write(file, out -> {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
            out.write(json);
            for (int i = json.length; i < padded; i++) {
                out.write(' ');
            }
            for (byte[] b : blobs) {
                writeAll(out, b);
            }
        });
    }

    private static void writeAll(OutputStream out, byte[] b) throws IOException {
        out.write(b);
    }

    private static void add(JsonObject header, List<byte[]> blobs, long[] offset, String name, String dtype,
                            long[] shape, byte[] data) {
        JsonObject entry = new JsonObject();
        entry.addProperty("dtype", dtype);
        JsonArray s = new JsonArray();
        for (long d : shape) {
            s.add(d);
        }
        entry.add("shape", s);
        JsonArray off = new JsonArray();
        off.add(offset[0]);
        off.add(offset[0] + data.length);
        entry.add("data_offsets", off);
        header.add(name, entry);
        blobs.add(data);
        offset[0] += data.length;
    }

    private static byte[] floats(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            b.putFloat(f);
        }
        return b.array();
    }

    /** Whether {@code file} is a safetensors file whose metadata marks it as packed (false on any read problem). */
    public static boolean isPacked(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            JsonObject header = readHeader(file, ch);
            JsonElement meta = header.get("__metadata__");
            return meta != null && meta.isJsonObject() && meta.getAsJsonObject().has("format")
                    && FORMAT.equals(meta.getAsJsonObject().get("format").getAsString());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Reads a packed file.
     *
     * @throws UserFacingException if the file is missing, unreadable or damaged, in one sentence
     */
    public static Contents read(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            JsonObject header = readHeader(file, ch);
            long dataStart = 8 + headerLength(ch);
            long dataLen = ch.size() - dataStart;
            JsonObject meta = header.has("__metadata__") ? header.getAsJsonObject("__metadata__") : new JsonObject();
            if (!meta.has("format") || !FORMAT.equals(meta.get("format").getAsString())) {
                throw bad(file, "its metadata does not say format=" + FORMAT);
            }
            Map<String, byte[]> indices = new LinkedHashMap<>();
            Map<String, float[]> books = new LinkedHashMap<>();
            StateDict rest = new StateDict();
            for (Map.Entry<String, JsonElement> e : header.entrySet()) {
                String name = e.getKey();
                if (name.equals("__metadata__")) {
                    continue;
                }
                JsonObject entry = e.getValue().getAsJsonObject();
                String dtype = entry.get("dtype").getAsString();
                long[] shape = shape(entry.getAsJsonArray("shape"));
                byte[] data = readData(file, ch, name, entry, dataStart, dataLen, Shapes.numel(shape) * size(file, name, dtype));
                if (name.endsWith(INDICES) && dtype.equals("U8")) {
                    indices.put(name.substring(0, name.length() - INDICES.length()), data);
                } else if (name.endsWith(CODEBOOK) && dtype.equals("F32")) {
                    books.put(name.substring(0, name.length() - CODEBOOK.length()), toFloats(data));
                } else if (dtype.equals("F32")) {
                    rest.put(name, TensorData.of(toFloats(data), shape));
                } else if (dtype.equals("I64")) {
                    ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
                    float[] v = new float[data.length / 8];
                    long first = 0;
                    for (int i = 0; i < v.length; i++) {
                        long x = b.getLong();
                        first = i == 0 ? x : first;
                        v[i] = x;
                    }
                    rest.put(name, new TensorData(shape, TensorData.DType.I64, v, first));
                } else {
                    throw bad(file, "tensor " + name + " has unexpected dtype " + dtype);
                }
            }
            List<PackedTensor> packed = new ArrayList<>();
            Map<String, String> extra = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> m : meta.entrySet()) {
                String key = m.getKey();
                boolean layerKey = (key.endsWith(".bits") || key.endsWith(".shape"))
                        && indices.containsKey(key.substring(0, key.lastIndexOf('.')));
                if (!layerKey && !key.equals("format")) {
                    extra.put(key, m.getValue().getAsString());
                }
            }
            for (Map.Entry<String, byte[]> e : indices.entrySet()) {
                String name = e.getKey();
                float[] book = books.get(name);
                if (book == null || !meta.has(name + ".bits") || !meta.has(name + ".shape")) {
                    throw bad(file, "packed tensor " + name + " lacks its codebook, bits or shape");
                }
                try {
                    packed.add(new PackedTensor(name, parseShape(meta.get(name + ".shape").getAsString()),
                            Integer.parseInt(meta.get(name + ".bits").getAsString()), book, e.getValue()));
                } catch (IllegalArgumentException ex) {
                    throw bad(file, ex.getMessage());
                }
            }
            return new Contents(packed, rest, extra);
        } catch (NoSuchFileException e) {
            throw new UserFacingException("Model file not found: " + file);
        } catch (IOException e) {
            throw new UserFacingException("Cannot read model file " + file + ": " + e.getMessage(), e);
        } catch (UserFacingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw bad(file, "malformed header (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    /**
     * Reads and decodes a packed file into the full state dict.
     *
     * @throws UserFacingException if the file is damaged (e.g. an index past its codebook)
     */
    public static StateDict load(Path file, List<String> order) {
        Contents c = read(file);
        try {
            return c.decode(order);
        } catch (IllegalArgumentException e) {
            throw bad(file, e.getMessage());
        }
    }

    private static long size(Path file, String name, String dtype) {
        return switch (dtype) {
            case "U8" -> 1;
            case "F32" -> 4;
            case "I64" -> 8;
            default -> throw bad(file, "tensor " + name + " has unexpected dtype " + dtype);
        };
    }

    private static byte[] readData(Path file, FileChannel ch, String name, JsonObject entry, long dataStart,
                                   long dataLen, long expected) throws IOException {
        JsonArray off = entry.getAsJsonArray("data_offsets");
        long begin = off.get(0).getAsLong();
        long end = off.get(1).getAsLong();
        if (begin < 0 || end < begin || end > dataLen || end - begin != expected || expected > Integer.MAX_VALUE) {
            throw bad(file, "tensor " + name + " has offsets [" + begin + ", " + end + ") that do not match its size or"
                    + " the file");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) expected);
        readFully(ch, buf, dataStart + begin);
        return buf.array();
    }

    private static float[] toFloats(byte[] data) {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[data.length / 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getFloat();
        }
        return v;
    }

    private static long[] shape(JsonArray a) {
        long[] s = new long[a.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = a.get(i).getAsLong();
        }
        return s;
    }

    private static String joinShape(long[] shape) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ",").append(shape[i]);
        }
        return sb.toString();
    }

    private static long[] parseShape(String s) {
        if (s.isEmpty()) {
            return new long[0];
        }
        String[] parts = s.split(",");
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Long.parseLong(parts[i].trim());
            if (out[i] < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + s);
            }
        }
        return out;
    }

    private static long headerLength(FileChannel ch) throws IOException {
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, len, 0);
        return len.flip().getLong();
    }

    private static JsonObject readHeader(Path file, FileChannel ch) throws IOException {
        long size = ch.size();
        if (size < 8) {
            throw bad(file, "file is " + size + " bytes, too short for a safetensors header");
        }
        long headerLen = headerLength(ch);
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
        return header;
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
        return new UserFacingException("Model file " + file + " is not a valid packed model file: " + what);
    }
}
