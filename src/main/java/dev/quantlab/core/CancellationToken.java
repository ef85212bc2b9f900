package dev.quantlab.core;

import java.util.concurrent.atomic.AtomicBoolean;

/** A flag a caller sets to ask a long job to stop at its next safe point. */
public final class CancellationToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public static CancellationToken none() {
        return new CancellationToken();
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get() || Thread.currentThread().isInterrupted();
    }

    /** Throws {@link CancelledException} if cancellation was requested. */
    public void throwIfCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
