package dev.quantlab.app.qat;

import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Times QAT runs for the estimate before Start and the overall progress and time left while one runs: sums each
 * step's and each evaluation's measured seconds, and keeps the last run's {@link StepTime} for the next estimate.
 * Use on the FX thread.
 */
final class QatClock {
    private final LongSupplier nanos;
    private StepTime last;
    private int trainImages = QatEstimate.TRAIN_IMAGES;
    private QatSettings run;
    private long started;
    private long stepsDone;
    private int epochsDone;
    private double stepSeconds;
    private long stepImages;
    private double evalSeconds;
    private long evalImages;

    QatClock(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** A run of {@code s} starts now. */
    void start(QatSettings s) {
        run = s;
        started = nanos.getAsLong();
        stepsDone = 0;
        epochsDone = 0;
        stepSeconds = 0;
        stepImages = 0;
        evalSeconds = 0;
        evalImages = 0;
    }

    /** The number of training images the run trains on (50,000 unless a test replaced the split). */
    void trainImages(int n) {
        trainImages = n;
    }

    void step(QatEvent.Step e) {
        stepsDone = e.step().globalStep();
        stepSeconds += e.seconds();
        stepImages += e.step().batch();
    }

    void epoch(QatEvent.Epoch e) {
        epochsDone++;
        evalSeconds += e.evalSeconds();
        evalImages += QatEstimate.testImages(run.subset());
    }

    /** The run ended (finished or stopped): what it measured is the next estimate's step time. */
    void end() {
        measured().ifPresent(t -> last = t);
        run = null;
    }

    /** The step time measured by the current run so far (its evaluations, until timed, as in the last run). */
    Optional<StepTime> measured() {
        if (stepImages == 0) {
            return Optional.empty();
        }
        double train = stepSeconds / stepImages;
        double test = evalImages > 0 ? evalSeconds / evalImages
                : last != null ? last.secondsPerTestImage() : train * StepTime.FORWARD_SHARE;
        return Optional.of(new StepTime(train, test));
    }

    /** The last run's step time (empty before the first run measured one). */
    Optional<StepTime> last() {
        return Optional.ofNullable(last);
    }

    /** The most seconds a run of {@code s} takes, from the last run's step time. */
    Optional<Double> estimate(QatSettings s) {
        return last().map(t -> QatEstimate.seconds(s, trainImages, t));
    }

    boolean running() {
        return run != null;
    }

    /** Seconds since the run started. */
    double elapsed() {
        return running() ? (nanos.getAsLong() - started) / 1e9 : 0;
    }

    /** Seconds the running run has left at most, once its first step was timed. */
    Optional<Double> remaining() {
        if (!running()) {
            return Optional.empty();
        }
        return measured().map(t -> QatEstimate.remaining(run, trainImages, t, stepsDone, epochsDone));
    }

    /** The running run's share done, 0..1: elapsed / (elapsed + left); 0 until the first step is timed. */
    double overall() {
        return remaining().map(left -> {
            double done = elapsed();
            return done + left <= 0 ? 1.0 : done / (done + left);
        }).orElse(0.0);
    }
}
