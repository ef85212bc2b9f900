package dev.quantlab.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FixedPointMultiplierTest {

    @Test
    void representsMultipliersWithA31BitMantissa() {
        Random rnd = new Random(5);
        for (int i = 0; i < 10000; i++) {
            double m = Math.exp(rnd.nextDouble() * 30 - 25); // about 1.4e-11 .. 148
            FixedPointMultiplier f = FixedPointMultiplier.of(m);
            assertTrue(f.m0() >= (1 << 30), "m0 " + f.m0());
            assertEquals(m, f.toDouble(), m * 0x1p-31);
        }
        assertEquals(new FixedPointMultiplier(1 << 30, 0), FixedPointMultiplier.of(0.5));
        assertEquals(new FixedPointMultiplier(1 << 30, -1), FixedPointMultiplier.of(1.0));
        assertEquals(new FixedPointMultiplier(3 << 29, 0), FixedPointMultiplier.of(0.75));
        assertEquals(new FixedPointMultiplier(1 << 30, 3), FixedPointMultiplier.of(1.0 / 16));
        assertEquals(new FixedPointMultiplier(0, 0), FixedPointMultiplier.of(0));
    }

    @Test
    void roundsTiesToEven() {
        FixedPointMultiplier half = FixedPointMultiplier.of(0.5);
        int[] acc = {1, 3, 5, 7, -1, -3, -5, -7, 4, -4};
        int[] expected = {0, 2, 2, 4, 0, -2, -2, -4, 2, -2};
        for (int i = 0; i < acc.length; i++) {
            assertEquals(expected[i], half.apply(acc[i]), "acc " + acc[i]);
        }
        FixedPointMultiplier quarter = FixedPointMultiplier.of(0.25);
        assertEquals(1, quarter.apply(3));  // 0.75
        assertEquals(0, quarter.apply(1));  // 0.25
        assertEquals(-1, quarter.apply(-3));
        assertEquals(0, FixedPointMultiplier.of(1e-30).apply(Integer.MAX_VALUE));
        assertEquals(Integer.MAX_VALUE, FixedPointMultiplier.of(1000).apply(Integer.MAX_VALUE));
    }

    @Test
    void rejectsOutOfRangeMultipliers() {
        assertThrows(IllegalArgumentException.class, () -> FixedPointMultiplier.of(-0.1));
        assertThrows(IllegalArgumentException.class, () -> FixedPointMultiplier.of(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> FixedPointMultiplier.of(0x1p30));
        assertThrows(IllegalArgumentException.class, () -> new FixedPointMultiplier(5, 0));
    }

    /**
     * Fixed point against the lesson's float32 path on 1,000,000 random accumulators and layer-like scales:
     * never more than 1 LSB apart, and equal on at least 99.99% of them (before clamping, so saturation cannot
     * hide differences): at most 0.01% may differ (24 of 1,000,000 do). They can differ only where float32
     * rounding moves a value across a .5 boundary.
     */
    @Test
    void matchesTheFloatMultiplierWithinOneLsbAndMostlyExactly() {
        Random rnd = new Random(9);
        int samples = 1_000_000;
        int mismatches = 0;
        for (int layer = 0; layer < 100; layer++) {
            double sIn = 0.001 + rnd.nextDouble() * 0.1;
            float[] sW = new float[8];
            for (int i = 0; i < sW.length; i++) {
                sW[i] = (float) (1e-4 + rnd.nextDouble() * 1e-2);
            }
            QuantParams out = new QuantParams(0.005 + rnd.nextDouble() * 0.5, 0, QuantRange.ofBits(8));
            Requantizer floats = Requantizer.create(sIn, sW, out, RequantMode.FLOAT_MULTIPLIER);
            Requantizer fixed = Requantizer.create(sIn, sW, out, RequantMode.FIXED_POINT);
            for (int i = 0; i < samples / 100; i++) {
                int oc = rnd.nextInt(sW.length);
                // accumulators whose scaled value spans about +-1000 output steps
                int acc = (int) ((rnd.nextDouble() * 2 - 1) * 1000 / floats.exactMultiplier(oc));
                long a = floats.floatSteps(acc, oc).rounded();
                long b = fixed.fixedSteps(acc, oc).rounded();
                assertTrue(Math.abs(a - b) <= 1, "acc " + acc + " float " + a + " fixed " + b);
                if (a != b) {
                    mismatches++;
                }
                assertEquals(fixed.fixedSteps(acc, oc).clamped(), fixed.requantize(acc, oc));
                assertEquals(floats.floatSteps(acc, oc).clamped(), floats.requantize(acc, oc));
            }
        }
        assertTrue(mismatches <= samples / 10_000, mismatches + " of " + samples + " differ"); // 24 seen
    }
}
