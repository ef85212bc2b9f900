package dev.quantlab.app.qat;

import dev.quantlab.model.GradMode;
import dev.quantlab.core.CancellationToken;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The one thread every QAT run trains on. PyTorch keeps autograd state per thread and DJL's gradient collector
 * is process-wide; a second training started on another pool thread crashed libtorch in {@code backward}, while
 * runs on one thread work. So runs are queued here, one after the other (a stopped run finishes its step before
 * the next starts). A daemon thread: it never keeps the app from exiting; but libtorch must not be unloaded under
 * a running step, so at exit a shutdown hook gives a stopped run time to finish its step.
 */
final class TrainingThread {
    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "quantlab-qat");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });

    /** Longest wait at exit for a stopped run to reach its next cancellation check. */
    private static final long EXIT_WAIT_SECONDS = 60;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            THREAD.shutdown();
            try {
                THREAD.awaitTermination(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "quantlab-qat-exit"));
    }

    private TrainingThread() { }

    /** Runs {@code body} on the training thread and waits for it; a cancelled run that is still queued is skipped. */
    static <T> T run(Callable<T> body, CancellationToken cancel) throws Exception {
        Future<T> f = THREAD.submit(() -> {
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
}
