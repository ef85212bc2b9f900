package dev.quantlab.app.kmeans;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.quantlab.app.services.KMeansSettings;
import dev.quantlab.kmeans.KMeans1D;
import dev.quantlab.kmeans.KMeansResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The lesson's 5x5 k-means test tensor (resource {@code /assets/data/kmeans-demo-5x5.json}, copied from the
 * lesson's test vectors) and its k-means quantization at a given bit-width.
 */
public final class DemoTensor {
    public static final String RESOURCE = "/assets/data/kmeans-demo-5x5.json";
    public static final int SIZE = 5;

    /**
     * The tensor before and after quantization.
     *
     * @param original  the 25 values, row-major
     * @param quantized each value replaced by its centroid
     * @param centroids the codebook (length {@code min(2^bits, 25)})
     */
    public record Quantized(float[] original, float[] quantized, float[] centroids) {
        public int distinctValues() {
            return DistinctValues.count(quantized);
        }
    }

    private final float[] values;

    private DemoTensor(float[] values) {
        this.values = values;
    }

    public static DemoTensor load() {
        try (InputStream in = DemoTensor.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            JsonObject o = new Gson().fromJson(new InputStreamReader(in, StandardCharsets.UTF_8), JsonObject.class);
            JsonArray rows = o.getAsJsonArray("values");
            float[] v = new float[SIZE * SIZE];
            for (int r = 0; r < SIZE; r++) {
                JsonArray row = rows.get(r).getAsJsonArray();
                for (int c = 0; c < SIZE; c++) {
                    v[r * SIZE + c] = row.get(c).getAsFloat();
                }
            }
            return new DemoTensor(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    float[] values() {
        return values.clone();
    }

    /** k-means with {@code k = min(2^bits, distinct values)} (microseconds: fine on the FX thread). */
    public Quantized quantize(int bits, KMeansSettings settings) {
        KMeansResult r = KMeans1D.cluster(values, bits, settings.init(), settings.seed());
        return new Quantized(values.clone(), r.quantized(), r.centroids().clone());
    }
}
