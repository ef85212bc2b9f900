package dev.quantlab.app.jobs;

import dev.quantlab.core.ProgressListener;

/**
 * Maps the progress of several consecutive stages onto one bar: stage {@code i} of {@code n} fills the
 * {@code i}-th n-th of the range. Messages pass through with the stage's label in front.
 */
public final class StagedProgress {
    private static final long SCALE = 1000;
    private final ProgressListener target;
    private final int stages;

    public StagedProgress(ProgressListener target, int stages) {
        this.target = target;
        this.stages = Math.max(1, stages);
    }

    /** The listener for stage {@code index} (0-based), prefixing messages with {@code label}. */
    public ProgressListener stage(int index, String label) {
        return (done, total, message) -> {
            double f = total <= 0 ? 0 : Math.min(1.0, (double) done / total);
            long overall = Math.round((index + f) * SCALE);
            target.onProgress(overall, stages * SCALE, message == null ? label : label + ": " + message);
        };
    }
}
