package dev.quantlab.results;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The results file's format: {@code {"version": 1, "runs": [{"method": "kmeans", "weightBits": 4, ...}]}}.
 * Reading is strict about the structure (a damaged file is reported, not half-read) but skips single runs it
 * cannot use, such as a method written by a newer version.
 */
public final class ResultsJson {
    public static final int VERSION = 1;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /** What a file held: the usable runs and how many entries were skipped. */
    public record Parsed(List<RunRecord> runs, int skipped) { }

    private ResultsJson() { }

    public static String write(List<RunRecord> runs) {
        JsonArray array = new JsonArray();
        for (RunRecord r : runs) {
            JsonObject o = new JsonObject();
            o.addProperty("method", r.method().id());
            o.addProperty("weightBits", r.weightBits());
            o.addProperty("activationBits", r.activationBits());
            o.addProperty("lessonMib", r.lessonMib());
            o.addProperty("storedMib", r.storedMib());
            o.addProperty("accuracy", r.accuracy());
            o.addProperty("testImages", r.testImages());
            o.addProperty("timestamp", r.timestamp().toString());
            o.addProperty("note", r.note());
            array.add(o);
        }
        JsonObject root = new JsonObject();
        root.addProperty("version", VERSION);
        root.add("runs", array);
        return GSON.toJson(root);
    }

    /**
     * Reads a results file's bytes, which must be valid UTF-8.
     *
     * @throws JsonParseException when they are not a results file (not UTF-8 text, broken JSON, no {@code runs})
     */
    public static Parsed read(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new JsonParseException("not UTF-8 text");
        }
        return read(text);
    }

    /**
     * @throws JsonParseException when the text is not a results file (broken JSON, no {@code runs} array)
     */
    public static Parsed read(String text) {
        JsonElement root;
        try {
            root = parseStrict(text);
        } catch (IOException | RuntimeException e) {
            throw new JsonParseException("not valid JSON: " + firstLine(e.getMessage()), e);
        }
        if (root == null || !root.isJsonObject() || !root.getAsJsonObject().has("runs")
                || !root.getAsJsonObject().get("runs").isJsonArray()) {
            throw new JsonParseException("no \"runs\" list in the file");
        }
        List<RunRecord> runs = new ArrayList<>();
        int skipped = 0;
        for (JsonElement e : root.getAsJsonObject().getAsJsonArray("runs")) {
            try {
                runs.add(run(e.getAsJsonObject()));
            } catch (RuntimeException bad) {
                skipped++;
            }
        }
        return new Parsed(List.copyOf(runs), skipped);
    }

    private static RunRecord run(JsonObject o) {
        Method method = Method.fromId(o.get("method").getAsString())
                .orElseThrow(() -> new JsonParseException("unknown method " + o.get("method")));
        return new RunRecord(method, o.get("weightBits").getAsInt(),
                o.has("activationBits") ? o.get("activationBits").getAsInt() : 0, o.get("lessonMib").getAsDouble(),
                o.get("storedMib").getAsDouble(), o.get("accuracy").getAsDouble(), o.get("testImages").getAsInt(),
                instant(o.get("timestamp").getAsString()), o.has("note") ? o.get("note").getAsString() : "");
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new JsonParseException("bad timestamp " + text, e);
        }
    }

    private static String firstLine(String s) {
        return s == null ? "malformed" : s.lines().findFirst().orElse("malformed");
    }

    /** Strict parsing: lenient syntax and trailing text are errors. */
    private static JsonElement parseStrict(String text) throws IOException {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        JsonElement e = GSON.getAdapter(JsonElement.class).read(reader);
        if (reader.peek() != JsonToken.END_DOCUMENT) {
            throw new JsonParseException("unexpected text after the JSON document");
        }
        return e;
    }
}
