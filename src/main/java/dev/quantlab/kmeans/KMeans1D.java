package dev.quantlab.kmeans;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Lloyd's k-means on the values of one tensor, exploiting that the data is one-dimensional.
 *
 * <p>The values are sorted once (an O(n) radix sort that keeps each value's original position) and
 * prefix sums are built over them. With ascending
 * centroids every cluster is a contiguous run of the sorted values, so
 * <ul>
 *   <li>the assignment step is {@code k - 1} searches for the midpoints between consecutive
 *       centroids (binary searches started from the previous iteration's boundaries), and</li>
 *   <li>the update step takes each run's mean from the prefix sums,</li>
 * </ul>
 * making one iteration O(k log n) instead of the O(n k) of the textbook algorithm. Iterations stop when
 * the labels (equivalently, the run boundaries) stop changing or after {@code maxIterations}. A final
 * O(n) pass recomputes each centroid as the exact mean of its run and the MSE, and labels the values
 * in their original order through the sort's permutation.
 *
 * <p>Empty clusters: the codebook has {@code m = min(2^bits, distinct values)} centroids. A cluster that
 * ends up empty is re-seeded at the value farthest from its own centroid (which strictly lowers the
 * error), so results never contain NaN and normally keep all {@code m} centroids; in the pathological
 * case where re-seeding keeps failing the empty clusters are dropped and the codebook is shorter.
 */
public final class KMeans1D {
    /**
     * Default cap on Lloyd iterations. An iteration costs microseconds here, and 1-D Lloyd with 256
     * centroids needs thousands of iterations to converge on a 2.36M-weight layer (about 2,700 from a
     * k-means++ start, 7,000 to 10,000 from LINEAR or RANDOM), so the cap is set high enough that
     * results are usually true Lloyd fixed points.
     */
    public static final int DEFAULT_MAX_ITERATIONS = 20_000;

    private KMeans1D() { }

    /** Clusters with at most {@link #DEFAULT_MAX_ITERATIONS} iterations. */
    public static KMeansResult cluster(float[] values, int bits, Init init, long seed) {
        return cluster(values, bits, init, seed, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * Clusters {@code values} (not modified) into at most {@code 2^bits} centroids.
     *
     * @throws IllegalArgumentException for a bit-width outside 1..8, an empty tensor, NaN or infinite
     *                                  values, or {@code maxIterations < 1}
     */
    public static KMeansResult cluster(float[] values, int bits, Init init, long seed, int maxIterations) {
        int k = BitWidth.centroidCount(bits);
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        }
        SortedValues sv = SortedValues.of(values);
        int m = Math.min(k, sv.distinct());
        double[] c = Seeding.initialCentroids(sv, m, init, new SplittableRandom(seed));
        int[] b = sv.boundaries(c, m);
        int iterations = 0;
        boolean converged = false;
        while (true) {
            b = fillEmptyClusters(sv, c, b);
            m = b.length - 1;
            for (int j = 0; j < m; j++) {
                c[j] = sv.mean(b[j], b[j + 1]);
            }
            iterations++;
            int[] next = sv.boundaries(c, m, b);
            if (Arrays.equals(next, b)) {
                converged = true;
                break;
            }
            b = next;
            if (iterations >= maxIterations) {
                b = fillEmptyClusters(sv, c, b);
                break;
            }
        }
        String method = "Lloyd 1-D, " + init.name().toLowerCase(Locale.ROOT).replace('_', '-') + " init";
        return RunPartition.toResult(sv, b, iterations, converged, method);
    }

    /**
     * Re-seeds every empty cluster at the value farthest from its centroid and re-assigns; returns the
     * new boundaries (with {@code c} updated in place). If that fails {@code 4 m} times, drops the
     * empty clusters: the returned boundaries then describe fewer clusters and {@code c} is compacted.
     */
    static int[] fillEmptyClusters(SortedValues sv, double[] c, int[] b) {
        int m = b.length - 1;
        for (int attempt = 0; attempt < 4 * m; attempt++) {
            int empty = firstEmpty(b);
            if (empty < 0) {
                return b;
            }
            double v = Seeding.farthestPoint(sv, c, m, b);
            // remove c[empty], then insert v keeping the order
            System.arraycopy(c, empty + 1, c, empty, m - 1 - empty);
            Seeding.insertSorted(c, m - 1, v);
            b = sv.boundaries(c, m);
        }
        return dropEmpty(c, b);
    }

    private static int firstEmpty(int[] b) {
        for (int j = 0; j + 1 < b.length; j++) {
            if (b[j] == b[j + 1]) {
                return j;
            }
        }
        return -1;
    }

    private static int[] dropEmpty(double[] c, int[] b) {
        int m = b.length - 1;
        int[] kept = new int[m + 1];
        int count = 0;
        for (int j = 0; j < m; j++) {
            if (b[j] < b[j + 1]) {
                c[count] = c[j];
                kept[count++] = b[j];
            }
        }
        kept[count] = b[m];
        return Arrays.copyOf(kept, count + 1);
    }
}
