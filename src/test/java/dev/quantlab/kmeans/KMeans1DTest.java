package dev.quantlab.kmeans;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class KMeans1DTest {

    @ParameterizedTest
    @EnumSource(Init.class)
    void lessonVectorEndsWithOneValuePerCentroidEachTheMeanOfItsMembers(Init init) throws IOException {
        JsonObject v = ReferenceVectors.entry("kmeans_2bit");
        int bits = v.get("bits").getAsInt();
        float[] tensor = ReferenceVectors.flatten(v.getAsJsonArray("tensor_5x5"));
        assertEquals(25, tensor.length);
        long distinctInputs = distinct(tensor);
        int expected = (int) Math.min(1L << bits, distinctInputs);
        assertEquals(4, expected, "the vector's expectation: min(2^bits, distinct inputs) = 4");

        for (long seed = 0; seed < 5; seed++) {
            KMeansResult r = KMeans1D.cluster(tensor, bits, init, seed);
            float[] q = r.quantized();
            assertEquals(expected, distinct(q), "distinct values after quantization");
            assertEquals(expected, r.k());
            for (int c = 0; c < r.k(); c++) {
                double sum = 0;
                int count = 0;
                for (int i = 0; i < tensor.length; i++) {
                    if (r.labels()[i] == c) {
                        sum += tensor[i];
                        count++;
                    }
                }
                assertTrue(count > 0, "centroid " + c + " has members");
                assertEquals(sum / count, r.centroids()[c], 1e-6, "centroid " + c + " is the mean of its members");
            }
            assertNearestCentroid(tensor, r);
        }
    }

    @ParameterizedTest
    @EnumSource(Init.class)
    void constantTensorGivesOneExactCentroid(Init init) {
        float[] values = new float[1000];
        Arrays.fill(values, 0.37f);
        KMeansResult r = KMeans1D.cluster(values, 3, init, 1);
        assertArrayEquals(new float[] {0.37f}, r.centroids());
        assertEquals(0.0, r.mse());
        assertTrue(r.converged());
        assertArrayEquals(values, r.quantized());
    }

    @ParameterizedTest
    @EnumSource(Init.class)
    void fewerDistinctValuesThanCentroidsAreReproducedExactly(Init init) {
        float[] values = {3f, 1f, 2f, 2f, 1f, 3f, -0.5f, 1f};
        KMeansResult r = KMeans1D.cluster(values, 3, init, 2);
        assertArrayEquals(new float[] {-0.5f, 1f, 2f, 3f}, r.centroids());
        assertEquals(0.0, r.mse());
        assertArrayEquals(values, r.quantized());
    }

    @ParameterizedTest
    @EnumSource(Init.class)
    void signedZerosAreOneValue(Init init) {
        float[] values = {-0f, 0f, -0f, 1f, 0f};
        KMeansResult r = KMeans1D.cluster(values, 2, init, 3);
        assertEquals(2, r.k());
        assertEquals(0.0, r.mse());
        assertEquals(0f, r.centroids()[0], 0f);
        assertEquals(1f, r.centroids()[1]);
    }

    @ParameterizedTest
    @EnumSource(Init.class)
    void emptyClustersAreReseededNeverNaN(Init init) {
        // a dense blob near 0 and a far outlier: an evenly spaced start leaves most clusters empty
        Random rnd = new Random(3);
        float[] values = new float[2001];
        for (int i = 0; i < 2000; i++) {
            values[i] = (float) (rnd.nextDouble() * 0.01);
        }
        values[2000] = 100f;
        for (int bits = 1; bits <= 6; bits++) {
            KMeansResult r = KMeans1D.cluster(values, bits, init, 4);
            assertEquals(1 << bits, r.k(), "full codebook at " + bits + " bits");
            for (float c : r.centroids()) {
                assertTrue(Float.isFinite(c), "finite centroid");
            }
            assertTrue(Double.isFinite(r.mse()));
            int[] members = new int[r.k()];
            for (int label : r.labels()) {
                members[label]++;
            }
            for (int c = 0; c < r.k(); c++) {
                assertTrue(members[c] > 0, "cluster " + c + " has members at " + bits + " bits");
            }
            for (int c = 1; c < r.k(); c++) {
                assertTrue(r.centroids()[c - 1] < r.centroids()[c], "ascending, distinct");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 9, -1})
    void invalidBitWidthsAreRejected(int bits) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KMeans1D.cluster(new float[] {1f, 2f}, bits, Init.LINEAR, 0));
        assertEquals("bit-width must be between 1 and 8, got " + bits, e.getMessage());
    }

    @Test
    void invalidInputsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> KMeans1D.cluster(new float[0], 2, Init.LINEAR, 0));
        assertThrows(IllegalArgumentException.class,
                () -> KMeans1D.cluster(new float[] {1f, Float.NaN}, 2, Init.LINEAR, 0));
        assertThrows(IllegalArgumentException.class,
                () -> KMeans1D.cluster(new float[] {1f, Float.POSITIVE_INFINITY}, 2, Init.LINEAR, 0));
        assertThrows(IllegalArgumentException.class, () -> KMeans1D.cluster(new float[] {1f}, 2, Init.LINEAR, 0, 0));
    }

    @ParameterizedTest
    @EnumSource(Init.class)
    void sameSeedSameResultAndInputUntouched(Init init) {
        float[] values = gaussian(20_000, 5);
        float[] before = values.clone();
        KMeansResult a = KMeans1D.cluster(values, 5, init, 99);
        KMeansResult b = KMeans1D.cluster(values, 5, init, 99);
        assertEquals(a, b);
        assertArrayEquals(before, values);
        if (init != Init.LINEAR) {
            assertNotEquals(a, KMeans1D.cluster(values, 5, init, 100), "another seed, another start");
        }
    }

    @ParameterizedTest
    @EnumSource(Init.class)
    void convergedResultIsALloydFixedPoint(Init init) {
        float[] values = gaussian(50_000, 6);
        KMeansResult r = KMeans1D.cluster(values, 4, init, 7, 10_000);
        assertTrue(r.converged());
        assertEquals(16, r.k());
        assertNearestCentroid(values, r);
        double sse = 0;
        for (int i = 0; i < values.length; i++) {
            double d = values[i] - r.centroids()[r.labels()[i]];
            sse += d * d;
        }
        assertEquals(sse / values.length, r.mse(), 1e-12);
    }

    @Test
    void iterationCapIsHonoured() {
        float[] values = gaussian(50_000, 8);
        KMeansResult r = KMeans1D.cluster(values, 8, Init.RANDOM, 1, 2);
        assertEquals(2, r.iterations());
        assertFalse(r.converged());
        assertEquals(256, r.k());
    }

    @Test
    void sameIterationsAsTextbookDenseLloyd() {
        float[] values = gaussian(5_000, 9);
        KMeansResult fast = KMeans1D.cluster(values, 3, Init.LINEAR, 0, 1_000);
        assertTrue(fast.converged());
        SortedValues sv = SortedValues.of(values);
        double[] start = Seeding.initialCentroids(sv, 8, Init.LINEAR, new SplittableRandom(0));
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            double[] dense = DenseLloyd.iterate(values, start, fast.iterations(), pool);
            for (int c = 0; c < 8; c++) {
                assertEquals(dense[c], fast.centroids()[c], 1e-6, "centroid " + c);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertNearestCentroid(float[] values, KMeansResult r) {
        for (int i = 0; i < values.length; i++) {
            double own = Math.abs(values[i] - r.centroids()[r.labels()[i]]);
            for (float c : r.centroids()) {
                assertTrue(own <= Math.abs(values[i] - c) + 1e-6, "value " + i + " sits with its nearest centroid");
            }
        }
    }

    static float[] gaussian(int n, long seed) {
        Random rnd = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rnd.nextGaussian() * 0.05);
        }
        return v;
    }

    static long distinct(float[] values) {
        float[] s = values.clone();
        Arrays.sort(s);
        long count = 0;
        for (int i = 0; i < s.length; i++) {
            if (i == 0 || s[i] != s[i - 1]) {
                count++;
            }
        }
        return count;
    }
}
