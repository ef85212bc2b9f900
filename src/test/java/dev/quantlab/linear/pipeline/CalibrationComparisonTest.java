package dev.quantlab.linear.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.data.CifarBinaryReader;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.linear.ActivationRanges;
import dev.quantlab.linear.IntegerVggConfig;
import dev.quantlab.linear.MinMax;
import dev.quantlab.linear.RangeObserver;
import dev.quantlab.linear.pipeline.CalibrationComparison.Cell;
import dev.quantlab.linear.pipeline.CalibrationComparison.Method;
import dev.quantlab.linear.pipeline.CalibrationComparison.Widths;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggNet;
import dev.quantlab.testing.Cifar10;
import dev.quantlab.train.BatchNormRecalibrator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The calibration table's one pass against separate single-method calibrations on a real VGG structure. */
@Tag(Cifar10.TAG)
class CalibrationComparisonTest {
    private static CifarSplit images;
    private static StateDict weights;

    @BeforeAll
    static void model() {
        images = CifarBinaryReader.readTest(Cifar10.binFolder());
        try (NDManager m = NDManager.newBaseManager(); VggNet net = VggNet.initialized(m, 17)) {
            BatchNormRecalibrator.recalibrate(m, net, images, 128, 64, 1, ProgressListener.NONE, CancellationToken.none());
            weights = net.toStateDict();
        }
    }

    @Test
    void oneBatchRowIsTheLessonsCalibrationAndTheOtherMethodsComeFromTheSamePass() {
        var settings = new CalibrationComparison.Settings(2, 32, 99.9, 0, IntegerVggConfig.lesson());
        var comparison = new CalibrationComparison(settings, CancellationToken.none());
        try (NDManager m = NDManager.newBaseManager(); VggNet net = VggNet.fromStateDict(m, weights)) {
            RangeObserver observed = comparison.observe(m, weights, images, ProgressListener.NONE);
            assertEquals(2, observed.batchCount());
            ActivationRanges lesson = ActivationCalibrator.calibrate(m, net, images,
                    new ActivationCalibrator.Settings(1, 32, 100, 0), ProgressListener.NONE, CancellationToken.none());
            ActivationRanges both = ActivationCalibrator.calibrate(m, net, images,
                    new ActivationCalibrator.Settings(2, 32, 100, 0), ProgressListener.NONE, CancellationToken.none());
            assertEquals(lesson.points().keySet(), observed.firstBatchRanges().points().keySet());
            ActivationRanges moving = Method.MOVING_AVERAGE.ranges(observed, 8, 99.9);
            ActivationRanges entropy = Method.ENTROPY.ranges(observed, 8, 99.9);
            for (String p : lesson.points().keySet()) {
                MinMax first = observed.firstBatchRanges().get(p);
                assertEquals((float) lesson.get(p).min(), (float) first.min(), 0f, p);
                assertEquals((float) lesson.get(p).max(), (float) first.max(), 0f, p);
                assertEquals(both.get(p), observed.ranges().get(p), p);
                // one step of 0.01 from the first batch towards the second, so inside both batches' union
                MinMax avg = moving.get(p);
                double span = both.get(p).max() - both.get(p).min();
                assertTrue(avg.min() >= both.get(p).min() - 1e-6 && avg.max() <= both.get(p).max() + 1e-6, p);
                assertEquals(first.max(), avg.max(), 0.01 * span + 1e-6, p);
                assertEquals(first.min(), avg.min(), 0.01 * span + 1e-6, p);
            }
            // after a ReLU, entropy keeps a real range (it once collapsed to ~10% of max)
            String relu = ActivationRanges.outputPoint(ActivationRanges.convLayer(3));
            assertTrue(entropy.get(relu).max() > 0.25 * both.get(relu).max(),
                    "entropy " + entropy.get(relu) + " vs min/max " + both.get(relu));
        }
    }

    @Test
    void theLessonRowMeasuresWhatLinearExperimentMeasures() {
        var settings = new CalibrationComparison.Settings(1, 32, 99.9, 0, IntegerVggConfig.lesson());
        var comparison = new CalibrationComparison(settings, CancellationToken.none());
        List<Cell> seen = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager()) {
            RangeObserver observed = comparison.observe(m, weights, images, ProgressListener.NONE);
            List<Cell> cells = comparison.run(observed, weights, images, List.of(new Widths(8, 8), new Widths(4, 4)),
                    List.of(Method.MINMAX_ONE_BATCH, Method.MSE), 20, seen::add, ProgressListener.NONE);
            assertEquals(cells, seen);
            assertEquals(4, cells.size());
            LinearExperiment exp = new LinearExperiment(new ActivationCalibrator.Settings(1, 32, 100, 0),
                    CancellationToken.none());
            for (Widths w : List.of(new Widths(8, 8), new Widths(4, 4))) {
                IntegerVggConfig config = IntegerVggConfig.lesson().withWeightBits(w.weightBits())
                        .withActivationBits(w.activationBits());
                var built = exp.build(m, weights, images, config, ProgressListener.NONE);
                double expected = exp.evaluate(built.model(), images, 20, ProgressListener.NONE).accuracyPercent();
                Cell cell = cells.stream().filter(c -> c.widths().equals(w) && c.method() == Method.MINMAX_ONE_BATCH)
                        .findFirst().orElseThrow();
                assertEquals(expected, cell.accuracyPercent(), 1e-9, w.label());
                assertEquals(20, cell.images());
            }
        }
    }

    @Test
    void widthsParseAndReject() {
        assertEquals(new Widths(4, 8), Widths.parse("w4a8"));
        assertEquals("W8A8", Widths.parse("W8A8").label());
        assertThrows(IllegalArgumentException.class, () -> Widths.parse("8/8"));
        assertThrows(IllegalArgumentException.class, () -> Widths.parse("W9A8"));
    }
}
