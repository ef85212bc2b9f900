package dev.quantlab.kmeans.qat;

import ai.djl.ndarray.NDManager;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.eval.Evaluator;
import dev.quantlab.model.VggNet;

/** Top-1 accuracy (%) of a network on the run's test images (a class-balanced subset when {@code limit} > 0). */
record TestAccuracy(CifarSplit test, int limit, CancellationToken cancel) {
    double of(NDManager parent, VggNet net) {
        return new Evaluator().evaluate(parent, Evaluator.of(net), test, limit, ProgressListener.NONE, cancel)
                .accuracyPercent();
    }
}
