package dev.quantlab.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RangeObserverTest {

    @Test
    void accumulatesMinMaxOverBatchesPerPoint() {
        RangeObserver o = RangeObserver.minMax();
        o.observe("backbone.conv0.input", new float[] {0.2f, 0.5f});
        o.observe("backbone.conv0.input", new float[] {0.1f, 0.4f});
        o.observe("backbone.conv0.output", new float[] {0f, 3f, 9f, -1f}, 0, 3);
        ActivationRanges r = o.ranges();
        assertEquals(new MinMax(0.1f, 0.5f), r.input(ActivationRanges.convLayer(0)));
        assertEquals(new MinMax(0, 9), r.output("backbone.conv0"));
        assertThrows(java.util.NoSuchElementException.class, () -> r.input(ActivationRanges.CLASSIFIER));
        assertThrows(IllegalStateException.class, () -> o.percentileRanges(99.9));
        assertThrows(IllegalArgumentException.class, () -> o.observe("x", new float[] {Float.NaN}));
    }

    @Test
    void percentileClipIgnoresRareOutliers() {
        Random rnd = new Random(8);
        RangeObserver o = RangeObserver.withHistogram(RangeObserver.DEFAULT_BINS);
        for (int batch = 0; batch < 10; batch++) {
            float[] v = new float[10000];
            for (int i = 0; i < v.length; i++) {
                v[i] = rnd.nextFloat();
            }
            if (batch == 3) {
                v[17] = 1000f;
            }
            o.observe("relu", v);
        }
        assertEquals(1000, o.ranges().get("relu").max());
        MinMax clipped = o.percentileRanges(99.9).get("relu");
        assertEquals(0.999, clipped.max(), 0.01);
        assertTrue(clipped.min() >= 0 && clipped.min() < 0.01, clipped.toString());
        assertEquals(o.ranges().get("relu"), o.percentileRanges(100).get("relu"));
    }

    @Test
    void percentilesOfANormalDistribution() {
        Random rnd = new Random(12);
        RangeObserver o = RangeObserver.withHistogram(1024);
        float[] v = RandomModels.gaussian(rnd, 200_000, 1);
        o.observe("x", v);
        MinMax r = o.percentileRanges(97.5).get("x");
        assertEquals(1.96, r.max(), 0.05);
        assertEquals(-1.96, r.min(), 0.05);
    }

    @Test
    void theHistogramCountsEveryValueInTheBinThatHoldsIt() {
        Random rnd = new Random(5);
        RangeObserver o = RangeObserver.withHistogram(64);
        float[] v = new float[5000];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rnd.nextDouble() * 7 - 3);
        }
        o.observe("x", v, 0, 2500);
        o.observe("x", v, 2500, 5000);
        RangeObserver.Histogram h = o.histogram("x").orElseThrow();
        long[] expected = new long[h.counts().length];
        for (float x : v) {
            int bin = (int) Math.floor((x - h.low()) / h.width());
            expected[bin]++; // no value lies on a bin edge here
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, h.counts());
        assertTrue(h.low() <= -3 && h.low() + h.counts().length * h.width() >= 4);
        assertTrue(RangeObserver.minMax().histogram("x").isEmpty());
    }
}
