package dev.quantlab.mixed;

import ai.djl.ndarray.NDManager;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.eval.Evaluator;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggNet;

/** Scores weights with the fp32 DJL network on a class-balanced subset of the test set. */
public final class DjlScorer implements ModelScorer {
    private final NDManager manager;
    private final CifarSplit test;
    private final int limit;
    private final CancellationToken cancel;

    /** Uses {@code manager} as the parent of one sub-manager per model (closed after each). */
    public DjlScorer(NDManager manager, CifarSplit test, int limit, CancellationToken cancel) {
        this.manager = manager;
        this.test = test;
        this.limit = limit;
        this.cancel = cancel;
    }

    /** Images each score is measured on. */
    public int images() {
        return test.balancedIndices(limit).length;
    }

    @Override
    public double accuracy(StateDict weights) {
        try (NDManager m = manager.newSubManager(); VggNet net = VggNet.fromStateDict(m, weights)) {
            return new Evaluator().evaluate(m, Evaluator.of(net), test, limit, ProgressListener.NONE, cancel)
                    .accuracyPercent();
        }
    }
}
