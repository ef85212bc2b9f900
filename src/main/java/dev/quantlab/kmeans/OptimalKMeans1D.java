package dev.quantlab.kmeans;

import java.util.Arrays;

/**
 * Globally optimal 1-D k-means by dynamic programming, to compare with Lloyd's local optimum.
 *
 * <p>An optimal 1-D clustering always consists of contiguous runs of the sorted values, so the
 * problem is to cut the sorted values into {@code m} runs minimising the total squared error
 * {@code SSE(a, b) = sum x^2 - (sum x)^2 / count}, which prefix sums give in O(1). With
 * {@code D[j][i]} the least error of {@code i} leading points in {@code j} runs,
 * {@code D[j][i] = min over t of D[j-1][t] + SSE(t, i)}. The best {@code t} is monotone in {@code i}
 * (the squared-error cost satisfies the quadrangle inequality), so each row is filled by divide and
 * conquer in O(p log p), O(m p log p) in all, for {@code p} points.
 *
 * <p>What is exact: the points are the tensor's <em>distinct</em> values weighted by their counts
 * (equal values always share a cluster in an optimum). When there are at most {@code maxPoints} of
 * them the result is the global optimum, up to double-precision rounding in the prefix sums. Above
 * that, neighbouring distinct values are merged into at most {@code maxPoints} groups whose borders
 * are the union of {@code maxPoints/2} equal-count quantiles (resolution where weights are dense),
 * {@code maxPoints/4} equal steps of value over [min, max] (resolution in the sparse tails, where
 * optimal clusters are small) and {@code maxPoints/4} equal steps of distinct rank (so there are always
 * enough groups); each group keeps the exact count, sum and sum of squares of its members. The result is then exactly the best clustering whose
 * cluster borders fall on group borders, never better than the true optimum (and
 * {@link OptimalClustering#exact()} is false). In both cases {@code m = min(2^bits, distinct values)} and
 * the reported MSE is measured on every original value with the float centroids.
 */
public final class OptimalKMeans1D {
    /** Default cap on points for the dynamic program (about a second at 8 bits on one core). */
    public static final int DEFAULT_MAX_POINTS = 1 << 15;

    private OptimalKMeans1D() { }

    /** Solves with at most {@link #DEFAULT_MAX_POINTS} points. */
    public static OptimalClustering solve(float[] values, int bits) {
        return solve(values, bits, DEFAULT_MAX_POINTS);
    }

    /**
     * Solves 1-D k-means for {@code values} (not modified) with {@code 2^bits} clusters.
     *
     * @param maxPoints largest number of weighted points the dynamic program runs on; must be at least
     *                  {@code 4 * 2^bits}
     * @throws IllegalArgumentException for a bit-width outside 1..8, a too small {@code maxPoints}, an
     *                                  empty tensor or NaN/infinite values
     */
    public static OptimalClustering solve(float[] values, int bits, int maxPoints) {
        int k = BitWidth.centroidCount(bits);
        if (maxPoints < 4 * k) {
            throw new IllegalArgumentException("maxPoints must be at least " + 4 * k + ", got " + maxPoints);
        }
        SortedValues sv = SortedValues.of(values);
        int[] starts = distinctStarts(sv);
        boolean exact = starts.length - 1 <= maxPoints;
        if (!exact) {
            starts = group(sv, starts, maxPoints);
        }
        int p = starts.length - 1;
        int m = Math.min(k, sv.distinct());
        int[] cuts = partition(sv, starts, m);
        int[] b = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            b[j] = starts[cuts[j]];
        }
        String method = exact ? "optimal DP (exact)" : "optimal DP on " + p + " groups";
        return new OptimalClustering(RunPartition.toResult(sv, b, 0, true, method), exact, p);
    }

    /** Start index of each run of equal values, plus {@code size} at the end. */
    private static int[] distinctStarts(SortedValues sv) {
        int[] starts = new int[sv.distinct() + 1];
        int count = 0;
        for (int i = 0; i < sv.size(); i++) {
            if (i == 0 || sv.get(i) != sv.get(i - 1)) {
                starts[count++] = i;
            }
        }
        starts[count] = sv.size();
        return starts;
    }

    /** Group borders (indices into the sorted values, 0 and n included): see the class comment. */
    private static int[] group(SortedValues sv, int[] starts, int maxPoints) {
        int n = sv.size();
        int d = starts.length - 1;
        int half = maxPoints / 2;
        int quarter = maxPoints / 4;
        int[] borders = new int[half + 2 * quarter + 2];
        int count = 0;
        for (int g = 1; g < half; g++) {
            // the first value larger than the value at the g-th count quantile
            borders[count++] = sv.upperBound(sv.get((int) ((long) g * n / half)), 0);
        }
        double lo = sv.min();
        double width = (double) sv.max() - lo;
        for (int g = 1; g < quarter; g++) {
            borders[count++] = sv.upperBound(lo + width * g / quarter, 0);
        }
        for (int g = 1; g < quarter; g++) {
            borders[count++] = starts[(int) ((long) g * d / quarter)];
        }
        borders[count++] = 0;
        borders[count++] = n;
        return Arrays.stream(borders, 0, count).sorted().distinct().toArray();
    }

    /** Divide-and-conquer DP over the weighted points {@code [starts[g], starts[g+1])}; returns m+1 point cuts. */
    private static int[] partition(SortedValues sv, int[] starts, int m) {
        int p = starts.length - 1;
        Cost cost = new Cost(sv, starts);
        double[] prev = new double[p + 1];
        for (int i = 1; i <= p; i++) {
            prev[i] = cost.of(0, i);
        }
        int[][] split = new int[m][];
        double[] cur = new double[p + 1];
        for (int j = 2; j <= m; j++) {
            int[] s = new int[p + 1];
            int hi = j == m ? p : p - (m - j);
            int lo = j == m ? p : j;
            Arrays.fill(cur, Double.POSITIVE_INFINITY);
            fill(cost, prev, cur, s, j, lo, hi, j - 1, hi - 1);
            split[j - 1] = s;
            double[] t = prev;
            prev = cur;
            cur = t;
        }
        int[] cuts = new int[m + 1];
        cuts[m] = p;
        for (int j = m; j >= 2; j--) {
            cuts[j - 1] = split[j - 1][cuts[j]];
        }
        return cuts;
    }

    /** Fills {@code cur[lo..hi]} knowing the best split of each lies in {@code [optLo, optHi]}. */
    private static void fill(Cost cost, double[] prev, double[] cur, int[] s, int j, int lo, int hi, int optLo,
                             int optHi) {
        if (lo > hi) {
            return;
        }
        int mid = (lo + hi) >>> 1;
        int from = Math.max(optLo, j - 1);
        int to = Math.min(optHi, mid - 1);
        double best = Double.POSITIVE_INFINITY;
        int bestT = from;
        for (int t = from; t <= to; t++) {
            double v = prev[t] + cost.of(t, mid);
            if (v < best) {
                best = v;
                bestT = t;
            }
        }
        cur[mid] = best;
        s[mid] = bestT;
        fill(cost, prev, cur, s, j, lo, mid - 1, optLo, bestT);
        fill(cost, prev, cur, s, j, mid + 1, hi, bestT, optHi);
    }

    /** Squared error of a run of weighted points from prefix sums of count, sum and sum of squares. */
    private static final class Cost {
        private final double[] count;
        private final double[] sum;
        private final double[] sumSq;

        Cost(SortedValues sv, int[] starts) {
            int p = starts.length - 1;
            count = new double[p + 1];
            sum = new double[p + 1];
            sumSq = new double[p + 1];
            double shift = sv.mean(0, sv.size());
            for (int g = 0; g < p; g++) {
                double s = 0;
                double q = 0;
                for (int i = starts[g]; i < starts[g + 1]; i++) {
                    double y = sv.get(i) - shift;
                    s += y;
                    q += y * y;
                }
                count[g + 1] = count[g] + (starts[g + 1] - starts[g]);
                sum[g + 1] = sum[g] + s;
                sumSq[g + 1] = sumSq[g] + q;
            }
        }

        double of(int from, int to) {
            double s = sum[to] - sum[from];
            double e = sumSq[to] - sumSq[from] - s * s / (count[to] - count[from]);
            return e > 0 ? e : 0;
        }
    }
}
