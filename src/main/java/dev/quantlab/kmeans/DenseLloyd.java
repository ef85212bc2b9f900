package dev.quantlab.kmeans;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Textbook Lloyd iterations, each computing all {@code n x k} distances: the baseline the benchmark
 * compares {@link KMeans1D} with. Ties go to the lower centroid and empty clusters keep their centroid.
 */
final class DenseLloyd {
    private DenseLloyd() { }

    /** Runs {@code iterations} dense iterations from {@code initial} (ascending) and returns the centroids. */
    static double[] iterate(float[] values, double[] initial, int iterations, ForkJoinPool pool) {
        double[] c = initial.clone();
        for (int it = 0; it < iterations; it++) {
            c = step(values, c, pool);
        }
        return c;
    }

    private static double[] step(float[] values, double[] c, ForkJoinPool pool) {
        int k = c.length;
        float[] cf = new float[k];
        for (int j = 0; j < k; j++) {
            cf[j] = (float) c[j];
        }
        int chunks = Math.max(1, pool.getParallelism() * 4);
        int n = values.length;
        double[][] partial;
        try {
            partial = pool.submit(() -> IntStream.range(0, chunks).parallel()
                    .mapToObj(ch -> accumulate(values, (int) ((long) n * ch / chunks),
                            (int) ((long) n * (ch + 1) / chunks), cf))
                    .toArray(double[][]::new)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        double[] next = c.clone();
        for (int j = 0; j < k; j++) {
            double sum = 0;
            double count = 0;
            for (double[] p : partial) {
                sum += p[j];
                count += p[k + j];
            }
            if (count > 0) {
                next[j] = sum / count;
            }
        }
        return next;
    }

    /** Sums (first k slots) and counts (last k slots) of the nearest-centroid clusters of values[from, to). */
    private static double[] accumulate(float[] values, int from, int to, float[] c) {
        int k = c.length;
        double[] acc = new double[2 * k];
        for (int i = from; i < to; i++) {
            float x = values[i];
            int best = 0;
            float bestD = (x - c[0]) * (x - c[0]);
            for (int j = 1; j < k; j++) {
                float d = (x - c[j]) * (x - c[j]);
                if (d < bestD) {
                    bestD = d;
                    best = j;
                }
            }
            acc[best] += x;
            acc[k + best] += 1;
        }
        return acc;
    }
}
