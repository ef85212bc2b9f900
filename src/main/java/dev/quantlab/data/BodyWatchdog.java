package dev.quantlab.data;

import dev.quantlab.core.CancellationToken;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closes an HTTP response body from a helper thread when the job is cancelled or no data has arrived for too long,
 * so a read blocked on a stalled connection returns (with an IOException) instead of hanging.
 */
final class BodyWatchdog implements AutoCloseable {
    private static final long CHECK_EVERY_MS = 100;

    private final InputStream body;
    private final CancellationToken cancel;
    private final long stallNanos;
    private final ScheduledExecutorService timer;
    private volatile long lastData = System.nanoTime();
    private volatile boolean stalled;

    BodyWatchdog(InputStream body, CancellationToken cancel, Duration stallTimeout) {
        this.body = body;
        this.cancel = cancel;
        this.stallNanos = stallTimeout.toNanos();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "quantlab-download-watchdog");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, CHECK_EVERY_MS, CHECK_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /** Records that data just arrived. */
    void dataArrived() {
        lastData = System.nanoTime();
    }

    /** True once the body was closed because no data arrived within the stall timeout. */
    boolean stalled() {
        return stalled;
    }

    private void check() {
        boolean tooSlow = System.nanoTime() - lastData > stallNanos;
        if (cancel.isCancelled() || tooSlow) {
            stalled = tooSlow && !cancel.isCancelled();
            try {
                body.close();
            } catch (IOException | RuntimeException ignored) {
                // the reader sees the closed stream either way
            }
            timer.shutdown();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
