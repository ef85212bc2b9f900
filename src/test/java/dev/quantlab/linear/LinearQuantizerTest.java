package dev.quantlab.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinearQuantizerTest {

    @Test
    void reproducesLinearQuantize2BitVector() throws Exception {
        JsonObject v = TestVectors.load("linear_quantize_2bit");
        float[] t = TestVectors.floats(v.get("tensor_5x5"));
        MinMax mm = MinMax.of(t);
        assertEquals(v.get("real_min").getAsDouble(), mm.min(), 1e-7);
        assertEquals(v.get("real_max").getAsDouble(), mm.max(), 1e-7);
        QuantParams p = QuantParams.asymmetric(mm, v.get("bits").getAsInt());
        assertEquals(v.get("scale").getAsDouble(), p.scale(), 1e-7);
        assertEquals(v.get("zero_point").getAsInt(), p.zeroPoint());
        int[] q = LinearQuantizer.linearQuantize(t, p.scale(), p.zeroPoint(), 2);
        assertArrayEquals(TestVectors.ints(v.get("expected_int8_5x5")), q);
    }

    @Test
    void quantizedRangesFollowTheBitWidth() {
        assertEquals(new QuantRange(2, -2, 1), QuantRange.ofBits(2));
        assertEquals(new QuantRange(4, -8, 7), QuantRange.ofBits(4));
        assertEquals(new QuantRange(8, -128, 127), LinearQuantizer.quantizedRange(8));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 1, 9, 16, 32})
    void invalidBitsAreRejectedWithAClearMessage(int bits) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QuantRange.ofBits(bits));
        assertTrue(e.getMessage().contains("between 2 and 8"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LinearQuantizer.linearQuantize(new float[] {1}, 1, 0, bits));
        assertThrows(IllegalArgumentException.class, () -> QuantParams.asymmetric(0, 1, bits));
        assertThrows(IllegalArgumentException.class,
                () -> QuantizedWeights.symmetricPerChannel(new float[] {1, 2}, 1, bits));
        assertThrows(IllegalArgumentException.class, () -> IntegerVggConfig.lesson().withWeightBits(bits));
        assertThrows(IllegalArgumentException.class, () -> IntegerVggConfig.lesson().withActivationBits(bits));
    }

    @Test
    void roundsHalfToEvenBeforeAddingTheZeroPoint() {
        float[] r = {0.5f, 1.5f, 2.5f, -0.5f, -1.5f, -2.5f, 0.49999997f, 3.5f};
        assertArrayEquals(new int[] {0, 2, 2, 0, -2, -2, 0, 4}, LinearQuantizer.linearQuantize(r, 1, 0, 8));
        // round(2.5) + 3 = 5, not round(2.5 + 3) = 6
        assertArrayEquals(new int[] {5}, LinearQuantizer.linearQuantize(new float[] {2.5f}, 1, 3, 8));
        assertArrayEquals(new int[] {1}, LinearQuantizer.linearQuantize(new float[] {0.25f}, 0.5, 1, 8));
    }

    @Test
    void clampsIntoTheRange() {
        float[] r = {200, -300, 127, -128, 7.4f, -8.6f};
        assertArrayEquals(new int[] {127, -128, 127, -128, 7, -9}, LinearQuantizer.linearQuantize(r, 1, 0, 8));
        assertArrayEquals(new int[] {7, -8, 7, -8, 7, -8}, LinearQuantizer.linearQuantize(r, 1, 0, 4));
    }

    @Test
    void asymmetricParametersOfTheLesson() {
        QuantParams p = QuantParams.asymmetric(-1, 3, 8);
        assertEquals(4.0 / 255, p.scale(), 1e-12);
        assertEquals(-64, p.zeroPoint()); // round(-128 + 63.75)
        QuantParams image = QuantParams.asymmetric(0, 1, 8);
        assertEquals(QuantParams.imageInput(), image);
        // A range that excludes 0 clips the zero point into the quantized range.
        assertEquals(-128, QuantParams.asymmetric(1, 2, 8).zeroPoint());
        assertEquals(127, QuantParams.asymmetric(-2, -1, 8).zeroPoint());
    }

    @Test
    void zeroRangeTensorNeverDividesByZero() {
        QuantParams constant = QuantParams.asymmetric(0.3, 0.3, 8);
        assertTrue(constant.scale() > 0 && Double.isFinite(constant.scale()));
        assertEquals(0.3, constant.dequantize(constant.quantize(0.3f)), constant.scale() / 2 + 1e-7);
        assertEquals(0, constant.dequantize(constant.quantize(0f)), 1e-7);
        QuantParams negative = QuantParams.asymmetric(-2, -2, 4);
        assertEquals(-2, negative.dequantize(negative.quantize(-2f)), negative.scale() / 2 + 1e-7);
        QuantParams zero = QuantParams.asymmetric(0, 0, 8);
        assertEquals(1.0, zero.scale());
        assertEquals(-128, zero.zeroPoint());
        float[] zeros = new float[7];
        MinMax mm = MinMax.of(zeros);
        int[] q = LinearQuantizer.linearQuantize(zeros, QuantParams.asymmetric(mm, 2).scale(),
                QuantParams.asymmetric(mm, 2).zeroPoint(), 2);
        assertArrayEquals(new float[7], LinearQuantizer.dequantize(q, 1.0, -2));
    }

    @Test
    void rejectsBadScalesAndRanges() {
        assertThrows(IllegalArgumentException.class, () -> LinearQuantizer.linearQuantize(new float[] {1}, 0, 0, 8));
        assertThrows(IllegalArgumentException.class,
                () -> LinearQuantizer.linearQuantize(new float[] {1}, Double.NaN, 0, 8));
        assertThrows(IllegalArgumentException.class, () -> LinearQuantizer.linearQuantize(new float[] {1}, 1, 200, 8));
        assertThrows(IllegalArgumentException.class, () -> QuantParams.asymmetric(2, 1, 8));
        assertThrows(IllegalArgumentException.class, () -> QuantParams.asymmetric(0, Double.POSITIVE_INFINITY, 8));
    }

    @Test
    void dequantizeRoundTripErrorIsAtMostHalfAStep() {
        java.util.Random rnd = new java.util.Random(3);
        float[] r = RandomModels.gaussian(rnd, 1000, 2);
        for (int bits = 2; bits <= 8; bits++) {
            QuantParams p = QuantParams.asymmetric(MinMax.of(r), bits);
            float[] back = LinearQuantizer.dequantize(LinearQuantizer.linearQuantize(r, p.scale(), p.zeroPoint(), bits),
                    p.scale(), p.zeroPoint());
            for (int i = 0; i < r.length; i++) {
                // Z is rounded, so the grid may be offset by up to half a step at the range ends.
                assertTrue(Math.abs(back[i] - r[i]) <= p.scale() * 1.0 + 1e-5, "bits " + bits + " value " + r[i]);
            }
        }
    }

    @Test
    void int32RangeForBiases() {
        int[] q = LinearQuantizer.linearQuantize(new float[] {1e12f, -1e12f, 2.5f}, 1, 0, QuantRange.INT32);
        assertArrayEquals(new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE, 2}, q);
    }
}
