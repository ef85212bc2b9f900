package dev.quantlab.app.jobs;

import java.util.function.BooleanSupplier;

/** What happened when the user asked a tab for a run: it started, or what it lacks. */
public enum JobStart {
    STARTED, NEED_MODEL, NEED_DATA, BUSY,
    /** The tab's options are not valid; the tab says why. */
    INVALID;

    /**
     * The common preconditions of a run: a loaded model, CIFAR-10 on disk (asked only when the model is loaded), and no run of the same tab going on.
     * {@link #STARTED} means "go ahead".
     */
    public static JobStart check(boolean modelLoaded, BooleanSupplier dataAvailable, JobProgress job) {
        if (!modelLoaded) {
            return NEED_MODEL;
        }
        if (!dataAvailable.getAsBoolean()) {
            return NEED_DATA;
        }
        return job.isRunning() ? BUSY : STARTED;
    }
}
