package dev.quantlab.model;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A safetensors header, parsed by the format's rules and nothing more lenient: strict JSON in valid UTF-8 (padded
 * with spaces only), no duplicate keys, {@code __metadata__} a string-to-string map, every tensor exactly
 * {@code dtype}, {@code shape} and {@code data_offsets} with non-negative integer values, each tensor's byte count
 * equal to its shape times its element size, and the tensors' byte ranges tiling the data section exactly: no
 * overlap, no gap, no trailing bytes.
 */
final class SafetensorsHeader {
    /** The format's own bound on the header (the reference implementation refuses more than 100 MB). */
    static final long MAX_HEADER = 100_000_000L;

    /** One tensor's description; offsets are relative to the start of the data section. */
    record Entry(String name, TensorData.DType dtype, long[] shape, long begin, long end) {
        long numel() {
            return Shapes.numel(shape);
        }
    }

    /** Why a header was refused. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    private final List<Entry> entries;
    private final Map<String, String> metadata;

    private SafetensorsHeader(List<Entry> entries, Map<String, String> metadata) {
        this.entries = entries;
        this.metadata = metadata;
    }

    List<Entry> entries() {
        return entries;
    }

    Map<String, String> metadata() {
        return metadata;
    }

    /** Checks the 8-byte length against the file before anything is allocated. */
    static void checkLength(long headerLen, long fileSize) throws Invalid {
        if (headerLen < 2 || headerLen > MAX_HEADER || headerLen > fileSize - 8) {
            throw new Invalid("header length " + Long.toUnsignedString(headerLen) + " does not fit a file of "
                    + fileSize + " bytes (it must be 2 to " + MAX_HEADER + " bytes and inside the file)");
        }
    }

    /** Parses the header bytes and checks every tensor against a data section of {@code dataLen} bytes. */
    static SafetensorsHeader parse(byte[] bytes, long dataLen) throws Invalid {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Invalid("the header is not valid UTF-8");
        }
        if (text.isEmpty() || text.charAt(0) != '{') {
            throw new Invalid("the header does not start with '{'");
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        try (JsonReader r = new JsonReader(new StringReader(text))) {
            r.setStrictness(Strictness.STRICT);
            Set<String> seen = new HashSet<>();
            r.beginObject();
            while (r.hasNext()) {
                String name = r.nextName();
                if (!seen.add(name)) {
                    throw new Invalid("the key \"" + shorten(name) + "\" appears twice");
                }
                if (name.equals("__metadata__")) {
                    readMetadata(r, metadata);
                } else {
                    entries.add(readEntry(r, name));
                }
            }
            r.endObject();
            if (r.peek() != JsonToken.END_DOCUMENT) {
                throw new Invalid("text follows the header's JSON object");
            }
        } catch (MalformedJsonException | IllegalStateException | NumberFormatException e) {
            throw new Invalid("the header is not strict JSON (" + firstLine(e.getMessage()) + ")");
        } catch (EOFException e) {
            throw new Invalid("the header's JSON ends early");
        } catch (IOException e) {
            throw new Invalid("the header is not strict JSON (" + firstLine(e.getMessage()) + ")");
        }
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        if (text.charAt(end - 1) != '}') {
            throw new Invalid("the header may only be padded with spaces after its JSON object");
        }
        checkTiling(entries, dataLen);
        return new SafetensorsHeader(List.copyOf(entries), metadata);
    }

    private static void readMetadata(JsonReader r, Map<String, String> metadata) throws IOException, Invalid {
        if (r.peek() != JsonToken.BEGIN_OBJECT) {
            throw new Invalid("__metadata__ is not an object of strings");
        }
        r.beginObject();
        while (r.hasNext()) {
            String key = r.nextName();
            if (r.peek() != JsonToken.STRING) {
                throw new Invalid("__metadata__ value \"" + shorten(key) + "\" is not a string");
            }
            if (metadata.put(key, r.nextString()) != null) {
                throw new Invalid("the __metadata__ key \"" + shorten(key) + "\" appears twice");
            }
        }
        r.endObject();
    }

    private static Entry readEntry(JsonReader r, String name) throws IOException, Invalid {
        if (r.peek() != JsonToken.BEGIN_OBJECT) {
            throw new Invalid("tensor \"" + shorten(name) + "\" is not an object");
        }
        TensorData.DType dtype = null;
        long[] shape = null;
        long[] offsets = null;
        r.beginObject();
        while (r.hasNext()) {
            String key = r.nextName();
            switch (key) {
                case "dtype" -> {
                    if (dtype != null) {
                        throw new Invalid("tensor \"" + shorten(name) + "\" has two dtypes");
                    }
                    dtype = dtype(r, name);
                }
                case "shape" -> {
                    if (shape != null) {
                        throw new Invalid("tensor \"" + shorten(name) + "\" has two shapes");
                    }
                    shape = integers(r, name, "shape", -1);
                }
                case "data_offsets" -> {
                    if (offsets != null) {
                        throw new Invalid("tensor \"" + shorten(name) + "\" has two data_offsets");
                    }
                    offsets = integers(r, name, "data_offsets", 2);
                }
                default -> throw new Invalid("tensor \"" + shorten(name) + "\" has an unknown field \"" + shorten(key)
                        + "\"");
            }
        }
        r.endObject();
        if (dtype == null || shape == null || offsets == null) {
            throw new Invalid("tensor \"" + shorten(name) + "\" lacks "
                    + (dtype == null ? "dtype" : shape == null ? "shape" : "data_offsets"));
        }
        return new Entry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private static TensorData.DType dtype(JsonReader r, String name) throws IOException, Invalid {
        if (r.peek() != JsonToken.STRING) {
            throw new Invalid("tensor \"" + shorten(name) + "\" has a dtype that is not a string");
        }
        String s = r.nextString();
        for (TensorData.DType t : TensorData.DType.values()) {
            if (t.name().equals(s)) {
                return t;
            }
        }
        throw new Invalid("tensor \"" + shorten(name) + "\" has dtype \"" + shorten(s) + "\" (QuantLab reads "
                + Arrays.toString(TensorData.DType.values()) + ")");
    }

    /** A list of non-negative integers written as plain digits (no sign, fraction, exponent or string). */
    private static long[] integers(JsonReader r, String name, String field, int count) throws IOException, Invalid {
        if (r.peek() != JsonToken.BEGIN_ARRAY) {
            throw new Invalid("tensor \"" + shorten(name) + "\" " + field + " is not a list");
        }
        List<Long> values = new ArrayList<>();
        r.beginArray();
        while (r.hasNext()) {
            if (r.peek() != JsonToken.NUMBER) {
                throw new Invalid("tensor \"" + shorten(name) + "\" " + field + " holds a value that is not a number");
            }
            String digits = r.nextString();
            if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new Invalid("tensor \"" + shorten(name) + "\" " + field + " holds " + shorten(digits)
                        + ", not a non-negative integer below 10^18");
            }
            if (values.size() == 64) {
                throw new Invalid("tensor \"" + shorten(name) + "\" " + field + " has more than 64 entries");
            }
            values.add(Long.parseLong(digits));
        }
        r.endArray();
        if (count >= 0 && values.size() != count) {
            throw new Invalid("tensor \"" + shorten(name) + "\" " + field + " has " + values.size()
                    + " values, not " + count);
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    /** Each tensor's range is its exact byte count, and the ranges, in order, cover the data section exactly. */
    private static void checkTiling(List<Entry> entries, long dataLen) throws Invalid {
        for (Entry e : entries) {
            long bytes = byteCount(e);
            if (e.end() < e.begin() || e.end() - e.begin() != bytes) {
                throw new Invalid("tensor \"" + shorten(e.name()) + "\" " + Arrays.toString(e.shape()) + " "
                        + e.dtype() + " needs " + bytes + " bytes but data_offsets [" + e.begin() + ", " + e.end()
                        + "] span " + (e.end() - e.begin()));
            }
        }
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long at = 0;
        for (Entry e : sorted) {
            if (e.begin() != at) {
                throw new Invalid("tensor \"" + shorten(e.name()) + "\" starts at byte " + e.begin() + " of the data, "
                        + (e.begin() < at ? "overlapping the tensor before it" : "leaving a gap after byte " + at));
            }
            at = e.end();
        }
        if (at != dataLen) {
            throw new Invalid(at < dataLen ? (dataLen - at) + " bytes follow the last tensor's data"
                    : "the tensors' data_offsets reach byte " + at + " of the data but the file holds " + dataLen
                            + " (truncated?)");
        }
    }

    private static long byteCount(Entry e) throws Invalid {
        long n = 1;
        for (long d : e.shape()) {
            if (d != 0 && n > Long.MAX_VALUE / 8 / d) {
                throw new Invalid("tensor \"" + shorten(e.name()) + "\" has a shape too large to hold: "
                        + Arrays.toString(e.shape()));
            }
            n *= d;
        }
        return n * SafetensorsFile.elementSize(e.dtype());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "malformed";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        int see = line.indexOf("\nSee ");
        return shorten(see < 0 ? line : line.substring(0, see));
    }

    static String shorten(String s) {
        String oneLine = s.replaceAll("[\\p{Cntrl}]", "?");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }
}
