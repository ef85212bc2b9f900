package dev.quantlab.core;

/** Receives progress of a long job: {@code done} of {@code total} units, with a short message. */
@FunctionalInterface
public interface ProgressListener {
    void onProgress(long done, long total, String message);

    ProgressListener NONE = (done, total, message) -> { };
}
