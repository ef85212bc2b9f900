package dev.quantlab.app.jobs;

import dev.quantlab.core.CancellationToken;
import dev.quantlab.model.GradMode;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The one thread every QAT run trains on, created once by the app's services and handed to the tabs that train.
 * PyTorch keeps autograd state per thread and DJL's gradient collector is process-wide; a second training started
 * on another pool thread crashed libtorch in {@code backward}, while runs on one thread work. So runs are queued
 * here, one after the other (a stopped run finishes its step before the next starts). A daemon thread: it never
 * keeps the app from exiting; but libtorch must not be unloaded under a running step, so {@link #close()} (and,
 * if the JVM exits without it, a shutdown hook) gives a stopped run time to finish its step.
 */
public final class TrainingThread implements AutoCloseable {
    /** Longest wait at exit for a stopped run to reach its next cancellation check. */
    private static final long EXIT_WAIT_SECONDS = 60;

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "quantlab-qat");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });
    private final Thread exitHook = new Thread(this::finishRunningStep, "quantlab-qat-exit");

    public TrainingThread() {
        Runtime.getRuntime().addShutdownHook(exitHook);
    }

    /** Runs {@code body} on the training thread and waits for it; a cancelled run that is still queued is skipped. */
    public <T> T run(Callable<T> body, CancellationToken cancel) throws Exception {
        Future<T> f = thread.submit(() -> {
            cancel.throwIfCancelled();
            GradMode.offOnThisThread();
            return body.call();
        });
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    /** Takes no new runs and waits (bounded) for a stopped run to finish its step. Cancel the jobs first. */
    @Override
    public void close() {
        finishRunningStep();
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException e) {
            // the JVM is already exiting: the hook runs (and returns at once, the thread being done)
        }
    }

    private void finishRunningStep() {
        thread.shutdown();
        try {
            thread.awaitTermination(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
