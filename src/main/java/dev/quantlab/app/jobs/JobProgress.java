package dev.quantlab.app.jobs;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.i18n.Texts;
import java.util.function.Supplier;
import javafx.concurrent.Worker;

/**
 * The state of a view's current job, for views to bind: running, progress (0..1, or -1 while unknown) and a
 * message. Follows one job at a time; when it ends, the message tells how (the caller sets the success text).
 * Messages set as suppliers ({@link #setMessage(Supplier)}) are looked up again by {@link #relocalize()} after a
 * language switch. Use on the FX thread.
 */
public final class JobProgress {
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private Job<?> current;
    private final Supplier<Texts> texts;
    private Supplier<String> text;

    /**
     * With the window's language (for the stopping/cancelled/failed messages) and an idle message looked up in
     * it, e.g. {@code new JobProgress(language, () -> language.t("kmeans.idle"))}.
     */
    public JobProgress(Language language, Supplier<String> idleMessage) {
        this.texts = language::texts;
        setMessage(idleMessage);
    }

    /** Follows {@code job} until it ends; the message of the job followed before is replaced at once. */
    public void track(Job<?> job) {
        current = job;
        text = null;
        running.bind(job.runningProperty());
        progress.bind(job.progressProperty());
        message.bind(job.messageProperty());
        job.stateProperty().addListener((o, a, s) -> {
            if (job != current || !isDone(s)) {
                return;
            }
            running.unbind();
            progress.unbind();
            message.unbind();
            if (s == Worker.State.CANCELLED) {
                // still running until the worker reaches its next safe point: no second job beside it meanwhile
                running.set(true);
                setMessage(() -> texts.get().t("app.job.stopping"));
                progress.set(-1);
                job.whenStopped(() -> {
                    if (job == current) {
                        running.set(false);
                        setMessage(() -> texts.get().t("app.job.cancelled"));
                        progress.set(0);
                    }
                });
                return;
            }
            running.set(false);
            if (s == Worker.State.FAILED) {
                Throwable error = job.getException();
                setMessage(() -> texts.get().t("app.job.failed", Messages.describe(texts.get(), error)));
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
        setMessage(() -> text);
    }

    /** Sets the message from {@code text}, looked up again by {@link #relocalize()}. */
    public void setMessage(Supplier<String> text) {
        this.text = text;
        message.unbind();
        message.set(text.get());
    }

    /** After a language switch: looks the last message set up again (a running job's own messages stay). */
    public void relocalize() {
        if (text != null && !message.isBound()) {
            message.set(text.get());
        }
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
