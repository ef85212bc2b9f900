package dev.quantlab.kmeans;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptimalKMeans1DTest {

    @Test
    void equalsBruteForceOverContiguousPartitionsOnTinyInputs() {
        Random rnd = new Random(1);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(10);
            float[] values = new float[n];
            for (int i = 0; i < n; i++) {
                // some trials draw from few levels, so duplicates occur
                values[i] = trial % 3 == 0 ? rnd.nextInt(4) * 0.25f : (float) rnd.nextGaussian();
            }
            for (int bits = 1; bits <= 3; bits++) {
                OptimalClustering opt = OptimalKMeans1D.solve(values, bits);
                assertTrue(opt.exact());
                double brute = bruteForceSse(values, 1 << bits);
                double sse = opt.result().mse() * n;
                assertEquals(brute, sse, 1e-9 * (1 + brute), "n=" + n + " bits=" + bits + " " + Arrays.toString(values));
            }
        }
    }

    @Test
    void optimumIsNeverWorseThanLloyd() {
        for (long seed = 1; seed <= 4; seed++) {
            float[] values = seed % 2 == 0 ? KMeans1DTest.gaussian(3_000, seed) : mixture(3_000, seed);
            for (int bits = 1; bits <= 5; bits++) {
                OptimalClustering opt = OptimalKMeans1D.solve(values, bits);
                assertTrue(opt.exact());
                for (Init init : Init.values()) {
                    KMeansResult lloyd = KMeans1D.cluster(values, bits, init, seed);
                    assertTrue(opt.result().mse() <= lloyd.mse() * (1 + 1e-9),
                            "bits=" + bits + " " + init + ": optimum " + opt.result().mse() + " vs Lloyd " + lloyd.mse());
                }
            }
        }
    }

    @Test
    void optimumIsAConvergedClusteringOfMeans() {
        float[] values = mixture(5_000, 11);
        KMeansResult r = OptimalKMeans1D.solve(values, 3).result();
        assertEquals(8, r.k());
        for (int c = 0; c < r.k(); c++) {
            double sum = 0;
            int count = 0;
            for (int i = 0; i < values.length; i++) {
                if (r.labels()[i] == c) {
                    sum += values[i];
                    count++;
                }
            }
            assertEquals(sum / count, r.centroids()[c], 1e-6);
        }
        // an optimum is a fixed point of Lloyd: starting Lloyd there changes nothing
        for (int i = 0; i < values.length; i++) {
            double own = Math.abs(values[i] - r.centroids()[r.labels()[i]]);
            for (float c : r.centroids()) {
                assertTrue(own <= Math.abs(values[i] - c) + 1e-6);
            }
        }
    }

    @Test
    void groupedSolveIsAnUpperBoundOnTheExactOptimum() {
        float[] values = KMeans1DTest.gaussian(40_000, 3);
        OptimalClustering exact = OptimalKMeans1D.solve(values, 3, 1 << 16);
        OptimalClustering grouped = OptimalKMeans1D.solve(values, 3, 1_000);
        assertTrue(exact.exact());
        assertFalse(grouped.exact());
        assertTrue(grouped.points() <= 1_000);
        assertTrue(grouped.result().mse() >= exact.result().mse() * (1 - 1e-12));
        assertTrue(grouped.result().mse() <= exact.result().mse() * 1.01, "a fine grid is nearly optimal");
    }

    @Test
    void degenerateInputs() {
        float[] constant = new float[50];
        Arrays.fill(constant, -2f);
        KMeansResult c = OptimalKMeans1D.solve(constant, 4).result();
        assertArrayEquals(new float[] {-2f}, c.centroids());
        assertEquals(0.0, c.mse());
        float[] few = {1f, 5f, 1f, 5f, 3f};
        KMeansResult f = OptimalKMeans1D.solve(few, 8).result();
        assertArrayEquals(new float[] {1f, 3f, 5f}, f.centroids());
        assertArrayEquals(few, f.quantized());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 9, -1})
    void invalidBitWidthsAreRejected(int bits) {
        assertThrows(IllegalArgumentException.class, () -> OptimalKMeans1D.solve(new float[] {1f}, bits));
    }

    /** Least SSE over all partitions of the sorted values into at most k contiguous non-empty groups. */
    private static double bruteForceSse(float[] values, int k) {
        float[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        double best = Double.POSITIVE_INFINITY;
        // each of the n-1 gaps is either a cut or not
        for (int mask = 0; mask < (1 << (n - 1)); mask++) {
            if (Integer.bitCount(mask) + 1 > k) {
                continue;
            }
            double sse = 0;
            int from = 0;
            for (int i = 1; i <= n; i++) {
                if (i == n || (mask & (1 << (i - 1))) != 0) {
                    sse += groupSse(s, from, i);
                    from = i;
                }
            }
            best = Math.min(best, sse);
        }
        return best;
    }

    private static double groupSse(float[] s, int from, int to) {
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += s[i];
        }
        mean /= to - from;
        double sse = 0;
        for (int i = from; i < to; i++) {
            sse += (s[i] - mean) * (s[i] - mean);
        }
        return sse;
    }

    private static float[] mixture(int n, long seed) {
        Random rnd = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            double centre = rnd.nextInt(5) - 2;
            v[i] = (float) (centre + rnd.nextGaussian() * 0.2);
        }
        return v;
    }
}
