package dev.quantlab.app.jobs;

import dev.quantlab.core.CancellationToken;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
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
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final List<Runnable> whenStopped = new ArrayList<>();

    /** A job whose first message is {@code startingMessage} (until the work reports its own). */
    public Job(String title, String startingMessage, Work<T> work) {
        this.work = work;
        updateTitle(title);
        updateMessage(startingMessage);
    }

    @Override
    protected T call() throws Exception {
        started.set(true);
        try {
            return work.run((done, total, message) -> {
                updateProgress(done, total);
                if (message != null && !message.isBlank()) {
                    updateMessage(message);
                }
            }, token);
        } finally {
            Platform.runLater(this::markStopped);
        }
    }

    /**
     * Asks the work to stop at its next safe point; the task is marked cancelled at once, while the worker may
     * still need a moment to get there ({@link #whenStopped}).
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        token.cancel();
        boolean cancelled = super.cancel(false);
        if (!started.get()) {
            // never ran and never will (a started worker marks itself stopped when it returns)
            if (Platform.isFxApplicationThread()) {
                markStopped();
            } else {
                Platform.runLater(this::markStopped);
            }
        }
        return cancelled;
    }

    /**
     * Runs {@code action} on the FX thread once the worker has really returned (or the job was cancelled before
     * it started): after a cancel, that is when its thread and memory are free for the next job. Call on the FX
     * thread.
     */
    public void whenStopped(Runnable action) {
        if (stopped.get()) {
            action.run();
        } else {
            whenStopped.add(action);
        }
    }

    private void markStopped() {
        if (stopped.compareAndSet(false, true)) {
            List<Runnable> actions = List.copyOf(whenStopped);
            whenStopped.clear();
            actions.forEach(Runnable::run);
        }
    }

    /** The token the work checks (for tests and for work that forwards it). */
    public CancellationToken token() {
        return token;
    }
}
