package dev.quantlab.app.jobs;

import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;

/**
 * A unit of background work: runs on a worker thread, reports progress, and stops at its next safe point
 * once {@code cancel} is set (by throwing {@link dev.quantlab.core.CancelledException}).
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface Work<T> {
    T run(ProgressListener progress, CancellationToken cancel) throws Exception;
}
