package dev.quantlab.app.jobs;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Worker;

/**
 * The state of a view's current job, for views to bind: running, progress (0..1, or -1 while unknown) and a
 * message. Follows one job at a time; when it ends, the message tells how (the caller sets the success text).
 * Use on the FX thread.
 */
public final class JobProgress {
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private Job<?> current;

    public JobProgress(String idleMessage) {
        message.set(idleMessage);
    }

    /** Follows {@code job} until it ends. */
    public void track(Job<?> job) {
        current = job;
        running.bind(job.runningProperty());
        progress.bind(job.progressProperty());
        message.bind(job.messageProperty());
        job.stateProperty().addListener((o, a, s) -> {
            if (job != current || !isDone(s)) {
                return;
            }
            running.unbind();
            running.set(false);
            progress.unbind();
            message.unbind();
            if (s == Worker.State.CANCELLED) {
                message.set("Cancelled.");
                progress.set(0);
            } else if (s == Worker.State.FAILED) {
                message.set("Failed: " + Messages.describe(job.getException()));
                progress.set(0);
            } else {
                progress.set(1);
            }
        });
    }

    private static boolean isDone(Worker.State s) {
        return s == Worker.State.SUCCEEDED || s == Worker.State.FAILED || s == Worker.State.CANCELLED;
    }

    /** Asks the current job to stop. */
    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    /** Sets the message, e.g. the result of the job that just succeeded (its own messages stop here). */
    public void setMessage(String text) {
        message.unbind();
        message.set(text);
    }

    public boolean isRunning() {
        return running.get();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
