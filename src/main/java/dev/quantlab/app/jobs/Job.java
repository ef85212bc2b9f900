package dev.quantlab.app.jobs;

import dev.quantlab.core.CancellationToken;
import javafx.concurrent.Task;

/**
 * A JavaFX {@link Task} around a {@link Work}: the work's progress becomes the task's progress and message
 * (which JavaFX coalesces, so a chatty worker never floods the FX thread), and cancelling the task sets the
 * work's {@link CancellationToken} instead of interrupting the thread (interrupts would close open files).
 *
 * @param <T> the result
 */
public final class Job<T> extends Task<T> {
    private final CancellationToken token = new CancellationToken();
    private final Work<T> work;

    public Job(String title, Work<T> work) {
        this.work = work;
        updateTitle(title);
        updateMessage(dev.quantlab.app.i18n.I18n.t("app.job.starting", title));
    }

    @Override
    protected T call() throws Exception {
        return work.run((done, total, message) -> {
            updateProgress(done, total);
            if (message != null && !message.isBlank()) {
                updateMessage(message);
            }
        }, token);
    }

    /** Asks the work to stop at its next safe point; the task is marked cancelled at once. */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        token.cancel();
        return super.cancel(false);
    }

    /** The token the work checks (for tests and for work that forwards it). */
    public CancellationToken token() {
        return token;
    }
}
