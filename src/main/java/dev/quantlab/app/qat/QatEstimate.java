package dev.quantlab.app.qat;

import dev.quantlab.app.services.TestSubset;

/**
 * How long a QAT run takes, from a measured {@link StepTime}: its training steps (as many per epoch as the
 * pipeline runs) and its evaluations (before QAT and after each epoch). An upper bound: QAT stops early once the
 * accuracy is back within the threshold. The fp32 evaluation (remembered after the first run) and k-means
 * (seconds) are left out.
 */
final class QatEstimate {
    /** CIFAR-10's training images. */
    static final int TRAIN_IMAGES = 50_000;
    /** CIFAR-10's test images. */
    static final int TEST_IMAGES = 10_000;

    private QatEstimate() { }

    /** Steps per epoch, as the pipeline counts them: the share of the full batches, at least one. */
    static int stepsPerEpoch(int trainImages, int batch, double fraction) {
        int full = Math.max(1, trainImages / Math.max(1, batch));
        return Math.max(1, (int) Math.round(full * fraction));
    }

    static int testImages(TestSubset subset) {
        return subset.isAll() ? TEST_IMAGES : Math.min(subset.limit(), TEST_IMAGES);
    }

    /** The most seconds a run of {@code s} takes on {@code trainImages} training images. */
    static double seconds(QatSettings s, int trainImages, StepTime t) {
        return remaining(s, trainImages, t, 0, 0) + testImages(s.subset()) * t.secondsPerTestImage();
    }

    /**
     * Seconds left once the evaluation before QAT is done, {@code stepsDone} steps are taken and
     * {@code epochsDone} epochs are evaluated.
     */
    static double remaining(QatSettings s, int trainImages, StepTime t, long stepsDone, int epochsDone) {
        int batch = Math.min(s.batchSize(), trainImages);
        long steps = (long) s.epochs() * stepsPerEpoch(trainImages, s.batchSize(), s.epochFraction());
        double train = Math.max(0, steps - stepsDone) * t.stepSeconds(batch);
        double eval = Math.max(0, s.epochs() - epochsDone) * (double) testImages(s.subset()) * t.secondsPerTestImage();
        return train + eval;
    }
}
