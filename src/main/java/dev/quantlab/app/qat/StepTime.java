package dev.quantlab.app.qat;

/**
 * Measured time of QAT's two kinds of work on this machine, per image so that it carries over to another batch
 * size or number of test images.
 *
 * @param secondsPerTrainImage one training step (forward, backward, update, centroid rule) divided by its batch
 * @param secondsPerTestImage  evaluating one test image (forward only)
 */
record StepTime(double secondsPerTrainImage, double secondsPerTestImage) {
    /**
     * Until an evaluation was timed: evaluating an image needs the forward pass only, which is about a third of a
     * training step (forward, then backward at about twice the forward's cost).
     */
    static final double FORWARD_SHARE = 1.0 / 3;

    /** Seconds of one step of {@code batch} images. */
    double stepSeconds(int batch) {
        return secondsPerTrainImage * batch;
    }
}
