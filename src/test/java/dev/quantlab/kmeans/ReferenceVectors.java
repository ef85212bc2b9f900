package dev.quantlab.kmeans;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.quantlab.testing.TestResources;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the test resource reference/test-vectors.json (the lesson's published unit-test vectors). */
final class ReferenceVectors {
    private ReferenceVectors() { }

    static Path file() {
        return TestResources.testVectors();
    }

    static JsonObject entry(String name) throws IOException {
        try (Reader r = Files.newBufferedReader(file(), StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(r).getAsJsonObject().getAsJsonObject(name);
        }
    }

    /** A row-major matrix flattened to a float array. */
    static float[] flatten(JsonArray rows) {
        int count = 0;
        for (JsonElement row : rows) {
            count += row.getAsJsonArray().size();
        }
        float[] out = new float[count];
        int i = 0;
        for (JsonElement row : rows) {
            for (JsonElement v : row.getAsJsonArray()) {
                out[i++] = v.getAsFloat();
            }
        }
        return out;
    }
}
