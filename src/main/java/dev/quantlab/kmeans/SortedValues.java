package dev.quantlab.kmeans;

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
    private final int[] order;
    private final double shift;
    private final double[] prefix;
    private final double[] prefixSquares;
    private final int distinct;

    private SortedValues(float[] sorted, int[] order, double shift, double[] prefix, double[] prefixSquares,
                         int distinct) {
        this.sorted = sorted;
        this.order = order;
        this.shift = shift;
        this.prefix = prefix;
        this.prefixSquares = prefixSquares;
        this.distinct = distinct;
    }

    /**
     * Sorts a copy of {@code values} (the argument is not modified), remembering original positions.
     *
     * @throws IllegalArgumentException if {@code values} is empty or holds NaN or an infinity
     */
    static SortedValues of(float[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("cannot cluster an empty tensor");
        }
        FloatRadixSort.Sorted result = FloatRadixSort.sort(values);
        float[] s = result.values();
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
            if (s[i] == 0f) {
                s[i] = 0f; // -0.0 becomes 0.0: one value, one possible centroid
            }
            double y = s[i] - shift;
            sum += y;
            sumSq += y * y;
            p[i + 1] = sum;
            q[i + 1] = sumSq;
            if (i > 0 && s[i] != s[i - 1]) {
                distinct++;
            }
        }
        return new SortedValues(s, result.order(), shift, p, q, distinct);
    }

    int size() {
        return sorted.length;
    }

    float get(int i) {
        return sorted[i];
    }

    /** Index in the original tensor of the value at sorted position {@code i}. */
    int originalIndex(int i) {
        return order[i];
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
        return upperBound(t, from, sorted.length);
    }

    /** First index in {@code [lo, hi)} whose value is greater than {@code t} ({@code hi} if none). */
    private int upperBound(double t, int lo, int hi) {
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
        return boundaries(c, m, null);
    }

    /**
     * Like {@link #boundaries(double[], int)}, but searches outward from {@code hint} (the previous
     * iteration's boundaries for as many centroids, or null): boundaries move little between Lloyd
     * iterations, so an exponential search from the old position costs O(log distance).
     */
    int[] boundaries(double[] c, int m, int[] hint) {
        int[] b = new int[m + 1];
        boolean useHint = hint != null && hint.length == m + 1;
        for (int j = 0; j + 1 < m; j++) {
            double t = (c[j] + c[j + 1]) * 0.5;
            b[j + 1] = useHint ? gallop(t, b[j], hint[j + 1]) : upperBound(t, b[j]);
        }
        b[m] = sorted.length;
        return b;
    }

    /** First index in {@code [lo, size)} whose value is greater than {@code t}, searching from {@code guess}. */
    private int gallop(double t, int lo, int guess) {
        int n = sorted.length;
        int g = Math.max(lo, Math.min(guess, n));
        if (g < n && sorted[g] <= t) {
            int step = 1;
            int known = g; // sorted[known] <= t
            while (known + step < n && sorted[known + step] <= t) {
                known += step;
                step <<= 1;
            }
            return upperBound(t, known + 1, Math.min(known + step, n));
        }
        if (g == lo || sorted[g - 1] <= t) {
            return g;
        }
        int above = g - 1; // sorted[above] > t
        int step = 1;
        while (above - step >= lo && sorted[above - step] > t) {
            above -= step;
            step <<= 1;
        }
        return upperBound(t, Math.max(lo, above - step + 1), above);
    }
}
