package dev.quantlab.data;

import dev.quantlab.core.ProgressListener;

/**
 * Passes byte-count progress on to a {@link ProgressListener} about a thousand times per job at most: when at
 * least 1/1000 of the total (or 1 MiB when the total is unknown) has passed since the last report, and always
 * at the end; the same count is never reported twice in a row.
 */
final class ThrottledProgress {
    private static final long UNKNOWN_TOTAL_STEP = 1 << 20;

    private final ProgressListener target;
    private long lastReported = -1;

    ThrottledProgress(ProgressListener target) {
        this.target = target == null ? ProgressListener.NONE : target;
    }

    /** Reports {@code done} of {@code total} bytes ({@code total < 0}: unknown) if enough has changed. */
    void report(long done, long total, String message) {
        if (done == lastReported) {
            return; // nothing new (for example a final report right after the last regular one)
        }
        long step = total > 0 ? Math.max(1, total / 1000) : UNKNOWN_TOTAL_STEP;
        boolean end = total >= 0 && done >= total;
        if (lastReported < 0 || end || done < lastReported || done - lastReported >= step) {
            lastReported = done;
            target.onProgress(done, total, message);
        }
    }

    /** Forgets the last report, so the next one is passed on (for a new phase of the job). */
    void reset() {
        lastReported = -1;
    }
}
