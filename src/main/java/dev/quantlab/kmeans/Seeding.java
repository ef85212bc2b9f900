package dev.quantlab.kmeans;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Starting centroids for Lloyd's algorithm. Every method returns {@code m} distinct values in
 * ascending order, where {@code m <= number of distinct values} of the tensor.
 */
final class Seeding {
    private Seeding() { }

    static double[] initialCentroids(SortedValues sv, int m, Init init, SplittableRandom rnd) {
        if (m < 1 || m > sv.distinct()) {
            throw new IllegalArgumentException("need 1.." + sv.distinct() + " centroids, got " + m);
        }
        return switch (init) {
            case LINEAR -> linear(sv, m);
            case RANDOM -> random(sv, m, rnd);
            case KMEANS_PLUS_PLUS -> kMeansPlusPlus(sv, m, rnd);
        };
    }

    /** {@code m} points evenly spaced over [min, max]; distinct because m > 1 implies max > min. */
    static double[] linear(SortedValues sv, int m) {
        double lo = sv.min();
        double hi = sv.max();
        double[] c = new double[m];
        if (m == 1) {
            c[0] = lo;
            return c;
        }
        for (int j = 0; j < m; j++) {
            c[j] = lo + (hi - lo) * j / (m - 1);
        }
        c[m - 1] = hi;
        return c;
    }

    /**
     * {@code m} distinct weights drawn uniformly over the tensor's positions; when duplicates make that
     * slow (few distinct values), the rest are drawn uniformly from the distinct values not yet chosen.
     */
    static double[] random(SortedValues sv, int m, SplittableRandom rnd) {
        Set<Float> chosen = new HashSet<>();
        int tries = 16 * m + 64;
        for (int t = 0; t < tries && chosen.size() < m; t++) {
            chosen.add(sv.get(rnd.nextInt(sv.size())));
        }
        if (chosen.size() < m) {
            float[] unused = new float[sv.distinct()];
            int count = 0;
            for (int i = 0; i < sv.size(); i++) {
                float v = sv.get(i);
                if ((i == 0 || v != sv.get(i - 1)) && !chosen.contains(v)) {
                    unused[count++] = v;
                }
            }
            while (chosen.size() < m) {
                int pick = rnd.nextInt(count);
                chosen.add(unused[pick]);
                unused[pick] = unused[--count];
            }
        }
        double[] c = new double[m];
        int j = 0;
        for (float v : chosen) {
            c[j++] = v;
        }
        Arrays.sort(c);
        return c;
    }

    /**
     * k-means++ in O(m^2 log n) instead of O(n m): the D^2 mass of each current cluster comes from
     * prefix sums, the cluster is drawn by its mass, and the point inside it by a binary search on the
     * (monotone) running D^2 mass of the run.
     */
    static double[] kMeansPlusPlus(SortedValues sv, int m, SplittableRandom rnd) {
        double[] c = new double[m];
        c[0] = sv.get(rnd.nextInt(sv.size()));
        double[] mass = new double[m];
        for (int have = 1; have < m; have++) {
            int[] b = sv.boundaries(c, have);
            double total = 0;
            for (int j = 0; j < have; j++) {
                mass[j] = sv.squaredError(b[j], b[j + 1], c[j]);
                total += mass[j];
            }
            double r = rnd.nextDouble() * total;
            int j = 0;
            while (j < have - 1 && (r >= mass[j] || b[j] == b[j + 1])) {
                r -= mass[j];
                j++;
            }
            double v = b[j] < b[j + 1] ? pointAtMass(sv, b[j], b[j + 1], c[j], r) : c[j];
            if (total <= 0 || contains(c, have, v)) {
                v = farthestPoint(sv, c, have, b);
            }
            insertSorted(c, have, v);
        }
        return c;
    }

    /** The first index {@code i} of run [from, to) whose running D^2 mass exceeds {@code r}. */
    private static double pointAtMass(SortedValues sv, int from, int to, double centroid, double r) {
        int lo = from;
        int hi = to - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sv.squaredError(from, mid + 1, centroid) > r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return sv.get(lo);
    }

    /**
     * The value farthest from its own centroid under the assignment {@code b}; it differs from every
     * centroid as long as some cluster holds two distinct values, which holds whenever {@code have}
     * is below the number of distinct values.
     */
    static double farthestPoint(SortedValues sv, double[] c, int have, int[] b) {
        double best = -1;
        double value = sv.get(0);
        for (int j = 0; j < have; j++) {
            if (b[j] == b[j + 1]) {
                continue;
            }
            double first = sv.get(b[j]);
            double last = sv.get(b[j + 1] - 1);
            double df = Math.abs(first - c[j]);
            double dl = Math.abs(last - c[j]);
            if (df > best) {
                best = df;
                value = first;
            }
            if (dl > best) {
                best = dl;
                value = last;
            }
        }
        return value;
    }

    static boolean contains(double[] c, int have, double v) {
        return Arrays.binarySearch(c, 0, have, v) >= 0;
    }

    /** Inserts {@code v} into the ascending prefix {@code c[0..have)}. */
    static void insertSorted(double[] c, int have, double v) {
        int at = have;
        while (at > 0 && c[at - 1] > v) {
            c[at] = c[at - 1];
            at--;
        }
        c[at] = v;
    }
}
