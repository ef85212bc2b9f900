package dev.quantlab.kmeans;

import java.util.Arrays;

/**
 * A tensor's values sorted once, with prefix sums that make every per-cluster statistic O(1).
 *
 * <p>In one dimension every nearest-centroid cluster is a contiguous run {@code [from, to)} of the
 * sorted values, so a clustering is just its run boundaries. Prefix sums are kept in double over
 * {@code x - shift}, where {@code shift} is the mean of the values, which keeps the cancellation in
 * {@code sum(x^2) - sum(x)^2 / n} small.
 */
final class SortedValues {
    private final float[] sorted;
    private final double shift;
    private final double[] prefix;
    private final double[] prefixSquares;
    private final int distinct;

    private SortedValues(float[] sorted, double shift, double[] prefix, double[] prefixSquares, int distinct) {
        this.sorted = sorted;
        this.shift = shift;
        this.prefix = prefix;
        this.prefixSquares = prefixSquares;
        this.distinct = distinct;
    }

    /**
     * Sorts a copy of {@code values} (the argument is not modified).
     *
     * @throws IllegalArgumentException if {@code values} is empty or holds NaN or an infinity
     */
    static SortedValues of(float[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("cannot cluster an empty tensor");
        }
        float[] s = values.clone();
        Arrays.sort(s);
        if (!Float.isFinite(s[0]) || !Float.isFinite(s[s.length - 1])) {
            throw new IllegalArgumentException("tensor holds NaN or infinite values");
        }
        double total = 0;
        for (float v : s) {
            total += v;
        }
        double shift = total / s.length;
        double[] p = new double[s.length + 1];
        double[] q = new double[s.length + 1];
        double sum = 0;
        double sumSq = 0;
        int distinct = 1;
        for (int i = 0; i < s.length; i++) {
            double y = s[i] - shift;
            sum += y;
            sumSq += y * y;
            p[i + 1] = sum;
            q[i + 1] = sumSq;
            if (i > 0 && s[i] != s[i - 1]) {
                distinct++;
            }
        }
        return new SortedValues(s, shift, p, q, distinct);
    }

    int size() {
        return sorted.length;
    }

    float get(int i) {
        return sorted[i];
    }

    float min() {
        return sorted[0];
    }

    float max() {
        return sorted[sorted.length - 1];
    }

    /** Number of distinct values ({@code -0.0} and {@code 0.0} count as one). */
    int distinct() {
        return distinct;
    }

    /** Mean of the run {@code [from, to)}, which must not be empty. */
    double mean(int from, int to) {
        return shift + (prefix[to] - prefix[from]) / (to - from);
    }

    /** Sum of squared distances of the run {@code [from, to)} to the point {@code c}, never negative. */
    double squaredError(int from, int to, double c) {
        double d = c - shift;
        double e = (prefixSquares[to] - prefixSquares[from]) - 2 * d * (prefix[to] - prefix[from]) + (to - from) * d * d;
        return e > 0 ? e : 0;
    }

    /** First index in {@code [from, size)} whose value is greater than {@code t} ({@code size} if none). */
    int upperBound(double t, int from) {
        int lo = from;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] > t) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * The assignment step of Lloyd's algorithm in O(m log n): with ascending, distinct centroids
     * {@code c[0..m)}, cluster {@code j} is the run {@code [b[j], b[j+1])} of values closer to {@code c[j]}
     * than to its neighbours; a value exactly on a midpoint goes to the lower centroid.
     *
     * @return {@code m + 1} boundaries, {@code b[0] = 0} and {@code b[m] = size}
     */
    int[] boundaries(double[] c, int m) {
        int[] b = new int[m + 1];
        for (int j = 0; j + 1 < m; j++) {
            b[j + 1] = upperBound((c[j] + c[j + 1]) * 0.5, b[j]);
        }
        b[m] = sorted.length;
        return b;
    }
}
