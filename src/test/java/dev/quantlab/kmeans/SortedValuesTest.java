package dev.quantlab.kmeans;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SortedValuesTest {

    @Test
    void radixSortMatchesArraysSortAndKeepsOriginalPositions() {
        Random rnd = new Random(4);
        float[] special = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 1e-40f, -1e-40f,
            1f, -1f, 1f};
        float[] values = Arrays.copyOf(special, 10_000);
        for (int i = special.length; i < values.length; i++) {
            values[i] = (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(20) - 10));
        }
        float[] input = values.clone();
        FloatRadixSort.Sorted s = FloatRadixSort.sort(values);
        float[] expected = values.clone();
        Arrays.sort(expected);
        assertArrayEquals(expected, s.values());
        assertArrayEquals(input, values, "input untouched");
        for (int i = 0; i < values.length; i++) {
            assertEquals(Float.floatToRawIntBits(values[s.order()[i]]), Float.floatToRawIntBits(s.values()[i]));
        }
    }

    @Test
    void distinctCountTreatsSignedZerosAsOneValue() {
        assertEquals(2, SortedValues.of(new float[] {0f, -0f, 1f, 1f}).distinct());
        assertThrows(IllegalArgumentException.class, () -> SortedValues.of(new float[] {Float.NaN}));
        assertThrows(IllegalArgumentException.class, () -> SortedValues.of(new float[] {Float.NEGATIVE_INFINITY}));
    }

    @Test
    void searchFromHintsGivesTheSameBoundaries() {
        Random rnd = new Random(8);
        float[] values = KMeans1DTest.gaussian(5_000, 2);
        for (int i = 0; i < 500; i++) {
            values[i] = values[i + 500]; // duplicates
        }
        SortedValues sv = SortedValues.of(values);
        for (int trial = 0; trial < 200; trial++) {
            int m = 1 + rnd.nextInt(40);
            double[] c = new double[m];
            for (int j = 0; j < m; j++) {
                c[j] = rnd.nextGaussian() * 0.06;
            }
            Arrays.sort(c);
            int[] hint = new int[m + 1];
            for (int j = 1; j < m; j++) {
                hint[j] = rnd.nextInt(values.length + 1);
            }
            hint[m] = values.length;
            assertArrayEquals(sv.boundaries(c, m), sv.boundaries(c, m, hint));
        }
    }
}
