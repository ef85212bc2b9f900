package dev.quantlab.app.common;

import dev.quantlab.app.jobs.JobProgress;
import dev.quantlab.app.jobs.JobStart;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;

/** Helps a tab implement {@link LessonTab#startSnapshotJob()} with its view model's start method and job. */
public final class SnapshotJobs {
    private SnapshotJobs() { }

    /**
     * Calls {@code start}; if the run started, returns a value that becomes true once {@code job} has run and
     * stopped again (succeeded, failed or cancelled). Empty if the run did not start (no model, no data, busy).
     * Call on the FX thread.
     */
    public static Optional<ObservableBooleanValue> start(JobProgress job, Supplier<JobStart> start) {
        if (start.get() != JobStart.STARTED) {
            return Optional.empty();
        }
        ReadOnlyBooleanWrapper ended = new ReadOnlyBooleanWrapper(false);
        boolean[] seenRunning = {job.isRunning()};
        ChangeListener<Boolean> watch = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now) {
                    seenRunning[0] = true;
                } else if (seenRunning[0]) {
                    job.runningProperty().removeListener(this);
                    ended.set(true);
                }
            }
        };
        job.runningProperty().addListener(watch);
        return Optional.of(ended.getReadOnlyProperty());
    }
}
