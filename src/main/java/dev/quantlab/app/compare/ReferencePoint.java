package dev.quantlab.app.compare;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.quantlab.results.Method;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the lesson's published results (resource {@link #RESOURCE}, numbers from LESSON.md), drawn faintly
 * behind the learner's own runs.
 *
 * @param method     how the model was made
 * @param weightBits bits per weight
 * @param sizeMib    size by the lesson's rule
 * @param accuracy   top-1 accuracy on all 10,000 test images (%)
 * @param cite       the lesson's line the number comes from
 */
public record ReferencePoint(Method method, int weightBits, double sizeMib, double accuracy, String cite) {
    public static final String RESOURCE = "/assets/data/lesson-reference-results.json";

    /** The lesson's published points. */
    public static List<ReferencePoint> lesson() {
        try (InputStream in = ReferencePoint.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            JsonObject root = new Gson().fromJson(new InputStreamReader(in, StandardCharsets.UTF_8), JsonObject.class);
            List<ReferencePoint> out = new ArrayList<>();
            for (JsonElement e : root.getAsJsonArray("points")) {
                JsonObject o = e.getAsJsonObject();
                Method m = Method.fromId(o.get("method").getAsString()).orElseThrow(
                        () -> new IllegalStateException("unknown method in " + RESOURCE + ": " + o.get("method")));
                out.add(new ReferencePoint(m, o.get("weightBits").getAsInt(), o.get("sizeMib").getAsDouble(),
                        o.get("accuracy").getAsDouble(), o.get("cite").getAsString()));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
