package dev.quantlab.linear;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.quantlab.testing.TestResources;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** Reads the lesson's {@code reference/test-vectors.json} (a test resource). */
final class TestVectors {
    private TestVectors() { }

    static JsonObject load(String name) throws IOException {
        try (Reader r = Files.newBufferedReader(TestResources.testVectors(), StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(r).getAsJsonObject().getAsJsonObject(name);
        }
    }

    /** A nested array of numbers flattened row-major to floats. */
    static float[] floats(JsonElement e) {
        java.util.List<Float> out = new java.util.ArrayList<>();
        flatten(e, out);
        float[] f = new float[out.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = out.get(i);
        }
        return f;
    }

    static int[] ints(JsonElement e) {
        float[] f = floats(e);
        int[] v = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            v[i] = (int) f[i];
        }
        return v;
    }

    private static void flatten(JsonElement e, java.util.List<Float> out) {
        if (e.isJsonArray()) {
            for (JsonElement x : (JsonArray) e) {
                flatten(x, out);
            }
        } else {
            out.add(e.getAsFloat());
        }
    }
}
