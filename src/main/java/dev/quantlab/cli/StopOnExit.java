package dev.quantlab.cli;

import dev.quantlab.core.CancellationToken;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * While open, Ctrl-C or a kill cancels {@link #token()} and holds the JVM (up to a limit) until the work has
 * stopped cleanly, i.e. until {@link #close()}: a download keeps its partial file, training saves a checkpoint.
 */
final class StopOnExit implements AutoCloseable {
    private final CancellationToken token = new CancellationToken();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook;

    StopOnExit(String name, long waitSeconds) {
        hook = new Thread(() -> {
            token.cancel();
            try {
                stopped.await(waitSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    CancellationToken token() {
        return token;
    }

    /** The work has stopped: let the JVM exit. */
    @Override
    public void close() {
        stopped.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (Ctrl-C): the hook is running and now returns
        }
    }
}
