package dev.quantlab.app.qat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.services.TestSubset;
import dev.quantlab.kmeans.qat.UpdateRule;
import dev.quantlab.train.EpochResult;
import dev.quantlab.train.StepResult;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The time estimate before Start and the time left while a run goes, on hand-computed numbers. */
class QatEstimateTest {
    private static final QatSettings TWO_EPOCHS = new QatSettings(2, UpdateRule.MEAN, 2, 0.05, 128, 0.5,
            new TestSubset(500), 42);
    private static final StepTime TIME = new StepTime(0.01, 0.002);

    @Test
    void stepsPerEpochAreCountedAsThePipelineCountsThem() {
        assertEquals(20, QatEstimate.stepsPerEpoch(50_000, 128, 0.05)); // 390 full batches x 5% = 19.5 -> 20
        assertEquals(390, QatEstimate.stepsPerEpoch(50_000, 128, 1.0));
        assertEquals(1, QatEstimate.stepsPerEpoch(64, 128, 1.0), "fewer images than a batch: one step");
        assertEquals(1, QatEstimate.stepsPerEpoch(50_000, 512, 0.001), "at least one step");
    }

    @Test
    void aRunTakesItsStepsAndItsEvaluationsAtTheMeasuredTimes() {
        // 2 epochs x 20 steps x 128 images x 0.01 s = 51.2 s; 3 evaluations (before, after each epoch) x 500 x 0.002
        assertEquals(54.2, QatEstimate.seconds(TWO_EPOCHS, 50_000, TIME), 1e-9);
        // 15 steps and one evaluation left: 15 x 1.28 + 500 x 0.002
        assertEquals(20.2, QatEstimate.remaining(TWO_EPOCHS, 50_000, TIME, 25, 1), 1e-9);
        QatSettings all = new QatSettings(2, UpdateRule.MEAN, 1, 1.0, 64, 0.5, TestSubset.ALL, 42);
        // 1 x 1 step of 64 images (the split has 64) + 2 evaluations of all 10,000 images
        assertEquals(64 * 0.01 + 2 * 10_000 * 0.002, QatEstimate.seconds(all, 64, TIME), 1e-9);
    }

    @Test
    void theClockMeasuresStepsAndEvaluationsAndKeepsTheLastRunsTimeForTheNextEstimate() {
        AtomicLong now = new AtomicLong();
        QatClock clock = new QatClock(now::get);
        assertTrue(clock.estimate(TWO_EPOCHS).isEmpty(), "nothing measured yet");
        clock.start(TWO_EPOCHS);
        assertTrue(clock.remaining().isEmpty());
        assertEquals(0, clock.overall());

        clock.step(new QatEvent.Step(new StepResult(0, 1, 20, 1, 2.3, 10, 128, 0.01), 1.28));
        now.set(10_000_000_000L);
        // evaluation not timed yet: a third of a training image
        double left = 39 * 1.28 + 2 * 500 * (0.01 / 3);
        assertEquals(left, clock.remaining().orElseThrow(), 1e-9);
        assertEquals(10 / (10 + left), clock.overall(), 1e-9);

        for (int s = 2; s <= 20; s++) {
            clock.step(new QatEvent.Step(new StepResult(0, s, 20, s, 2.3, 10, 128, 0.01), 1.28));
        }
        clock.epoch(new QatEvent.Epoch(new EpochResult(0, 2.3, 10, 55, 0.01, 100, 25.6, 27), 1.0));
        assertEquals(new StepTime(0.01, 0.002).secondsPerTestImage(),
                clock.measured().orElseThrow().secondsPerTestImage(), 1e-12);
        assertEquals(20 * 1.28 + 500 * 0.002, clock.remaining().orElseThrow(), 1e-9);

        clock.end();
        assertEquals(0, clock.overall());
        assertEquals(0.01, clock.last().orElseThrow().secondsPerTrainImage(), 1e-12);
        assertEquals(54.2, clock.estimate(TWO_EPOCHS).orElseThrow(), 1e-9);
    }

    @Test
    void durationsAreRoundedToWhatMatters() {
        var en = dev.quantlab.app.i18n.Texts.of(java.util.Locale.ENGLISH);
        assertEquals("35 s", QatTexts.duration(34.6, en));
        assertEquals("4 min 05 s", QatTexts.duration(245, en));
        assertEquals("1 h 05 min", QatTexts.duration(3900, en));
        var zh = dev.quantlab.app.i18n.Texts.of(java.util.Locale.TRADITIONAL_CHINESE);
        assertEquals("4 分 05 秒", QatTexts.duration(245, zh));
    }
}
