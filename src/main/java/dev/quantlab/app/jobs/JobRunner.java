package dev.quantlab.app.jobs;

import dev.quantlab.app.i18n.Language;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Worker;
import javafx.concurrent.WorkerStateEvent;

/**
 * Starts {@link Job}s on an injected executor and keeps the list of running ones for the status bar.
 * Failures go to the {@link ErrorReporter}; outcomes reach callers on the FX thread. Call on the FX thread.
 */
public final class JobRunner {
    private final Executor executor;
    private final ErrorReporter errors;
    private final Consumer<String> notices;
    private final Language language;
    private final ObservableList<Job<?>> running = FXCollections.observableArrayList();
    private final ObservableList<Job<?>> runningView = FXCollections.unmodifiableObservableList(running);

    /**
     * @param executor where jobs run
     * @param errors   shows failures
     * @param notices  gets a one-line outcome of every job ("… finished in 3.2 s", "… cancelled")
     * @param language the language of those lines
     */
    public JobRunner(Executor executor, ErrorReporter errors, Consumer<String> notices, Language language) {
        this.language = Objects.requireNonNull(language);
        this.executor = Objects.requireNonNull(executor);
        this.errors = Objects.requireNonNull(errors);
        this.notices = Objects.requireNonNull(notices);
    }

    /** Jobs started and not yet finished, oldest first. */
    public ObservableList<Job<?>> running() {
        return runningView;
    }

    /** Starts {@code work}; {@code onSuccess} gets its result on the FX thread; failures are reported. */
    public <T> Job<T> submit(String title, Work<T> work, Consumer<? super T> onSuccess) {
        return submit(title, work, onSuccess, e -> { });
    }

    /**
     * Starts {@code work}. {@code onSuccess} gets its result, {@code onFailure} its error (after the error
     * reporter has shown it); both run on the FX thread. A cancelled job calls neither.
     */
    public <T> Job<T> submit(String title, Work<T> work, Consumer<? super T> onSuccess,
                             Consumer<? super Throwable> onFailure) {
        Job<T> job = new Job<>(title, language.t("app.job.starting", title), work);
        long start = System.nanoTime();
        running.add(job);
        notices.accept(""); // an earlier job's outcome ("…: cancelled") is stale once another starts
        // the outcome line first, so that a notice the job's own handlers give (an export's summary) stays shown
        Runnable ended = () -> {
            running.remove(job);
            notices.accept(outcome(language, title, job.getState(), (System.nanoTime() - start) / 1e9));
        };
        job.addEventHandler(WorkerStateEvent.WORKER_STATE_SUCCEEDED, e -> {
            ended.run();
            onSuccess.accept(job.getValue());
        });
        job.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> {
            ended.run();
            errors.report(title, job.getException());
            onFailure.accept(job.getException());
        });
        // listed (and cancellable from the status bar) until the worker has really stopped
        job.addEventHandler(WorkerStateEvent.WORKER_STATE_CANCELLED, e -> job.whenStopped(ended));
        executor.execute(job);
        return job;
    }

    static String outcome(Language language, String title, Worker.State state, double seconds) {
        switch (state) {
            case SUCCEEDED: return language.t("app.job.outcome.finished", title,
                    String.format(java.util.Locale.ROOT, "%.1f", seconds));
            case CANCELLED: return language.t("app.job.outcome.cancelled", title);
            default: return language.t("app.job.outcome.failed", title);
        }
    }

    /** Cancels every running job. */
    public void cancelAll() {
        for (Job<?> j : running.toArray(new Job<?>[0])) {
            j.cancel();
        }
    }
}
