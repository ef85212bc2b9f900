package dev.quantlab.app.qat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Picks which centroids of each layer the trajectory chart follows: all of them up to {@link #MAX_TRACKED},
 * else {@link #MAX_TRACKED} spread evenly by rank of their first value (smallest and largest included), so an
 * 8-bit codebook costs 32 lines instead of 256. Used by one worker thread.
 */
final class CentroidSampler {
    static final int MAX_TRACKED = 32;
    private final Map<String, int[]> chosen = new LinkedHashMap<>();

    /** The tracked values of every layer (copies). */
    Map<String, float[]> sample(Map<String, float[]> centroids) {
        Map<String, float[]> out = new LinkedHashMap<>();
        centroids.forEach((layer, c) -> {
            int[] idx = chosen.computeIfAbsent(layer, l -> choose(c));
            float[] v = new float[idx.length];
            for (int i = 0; i < idx.length; i++) {
                v[i] = c[idx[i]];
            }
            out.put(layer, v);
        });
        return out;
    }

    /** Indices of the centroids to follow, in ascending order of their value. */
    static int[] choose(float[] centroids) {
        Integer[] byValue = IntStream.range(0, centroids.length).boxed().toArray(Integer[]::new);
        Arrays.sort(byValue, Comparator.comparingDouble(i -> centroids[i]));
        int n = Math.min(MAX_TRACKED, centroids.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int rank = n == 1 ? 0 : (int) Math.round(i * (centroids.length - 1) / (double) (n - 1));
            out[i] = byValue[rank];
        }
        return out;
    }
}
