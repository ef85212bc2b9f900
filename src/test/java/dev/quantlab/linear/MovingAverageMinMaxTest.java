package dev.quantlab.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The moving average against a sequence worked by hand (PyTorch 1.13's MovingAverageMinMaxObserver with
 * averaging_constant=0.01 on the same three batches gives -1.0098 / 2.0692 in float32).
 */
class MovingAverageMinMaxTest {
    // batch ranges: [-1, 2], [-3, 10], [0, 1]
    // after batch 1: min -1,                             max 2
    // after batch 2: min -1 + 0.01 (-3 + 1) = -1.02,        max 2 + 0.01 (10 - 2) = 2.08
    // after batch 3: min -1.02 + 0.01 (0 + 1.02) = -1.0098, max 2.08 + 0.01 (1 - 2.08) = 2.0692
    private static final List<MinMax> BATCHES = List.of(new MinMax(-1, 2), new MinMax(-3, 10), new MinMax(0, 1));

    @Test
    void followsTheHandWorkedSequence() {
        assertEquals(new MinMax(-1, 2), MovingAverageMinMax.of(BATCHES.subList(0, 1), 0.01));
        MinMax two = MovingAverageMinMax.of(BATCHES.subList(0, 2), 0.01);
        assertEquals(-1.02, two.min(), 1e-12);
        assertEquals(2.08, two.max(), 1e-12);
        MinMax three = MovingAverageMinMax.of(BATCHES, MovingAverageMinMax.PYTORCH_CONSTANT);
        assertEquals(-1.0098, three.min(), 1e-12);
        assertEquals(2.0692, three.max(), 1e-12);
        assertEquals(new MinMax(0, 1), MovingAverageMinMax.of(BATCHES, 1.0), "constant 1: the last batch");
        assertThrows(IllegalArgumentException.class, () -> MovingAverageMinMax.of(BATCHES, 0));
        assertThrows(IllegalArgumentException.class, () -> MovingAverageMinMax.of(List.of(), 0.01));
    }

    @Test
    void theObserverKeepsOneRangePerBatchWhateverTheChunks() {
        RangeObserver o = RangeObserver.minMax();
        o.observe("p", new float[] {-1f, 0.5f}); // batch 1 arrives in two chunks
        assertThrows(IllegalStateException.class, o::firstBatchRanges, "no batch ended yet");
        o.observe("p", new float[] {2f});
        o.endBatch();
        o.observe("p", new float[] {-3f, 10f});
        o.endBatch();
        o.observe("p", new float[] {0f, 1f});
        o.endBatch();
        o.endBatch(); // an empty batch adds nothing
        assertEquals(3, o.batchCount());
        assertEquals(new MinMax(-1, 2), o.firstBatchRanges().get("p"));
        assertEquals(new MinMax(-3, 10), o.ranges().get("p"));
        MinMax avg = o.movingAverageRanges(0.01).get("p");
        assertEquals(-1.0098, avg.min(), 1e-6);
        assertEquals(2.0692, avg.max(), 1e-6);
    }
}
