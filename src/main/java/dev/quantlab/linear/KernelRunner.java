package dev.quantlab.linear;

import java.util.stream.IntStream;

/**
 * Splits kernel work into contiguous index ranges run on up to {@code threads} threads. Parallel runs use
 * a parallel stream, i.e. the calling thread plus the common fork-join pool; nothing to shut down.
 */
public final class KernelRunner {

    /** Work on one index range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeTask {
        void run(int from, int to);
    }

    private final int threads;

    private KernelRunner(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
    }

    /** Runs everything on the calling thread. */
    public static KernelRunner sequential() {
        return new KernelRunner(1);
    }

    public static KernelRunner parallel(int threads) {
        return new KernelRunner(threads);
    }

    /** One thread per available processor. */
    public static KernelRunner allCores() {
        return new KernelRunner(Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        return threads;
    }

    /** Runs {@code task} over {@code [0, total)} split into at most {@code threads} ranges of at least {@code minChunk}. */
    public void forRanges(int total, int minChunk, RangeTask task) {
        int parts = Math.min(threads, Math.max(1, total / Math.max(1, minChunk)));
        if (parts <= 1 || total <= 1) {
            task.run(0, total);
            return;
        }
        IntStream.range(0, parts).parallel()
                .forEach(i -> task.run((int) ((long) total * i / parts), (int) ((long) total * (i + 1) / parts)));
    }
}
