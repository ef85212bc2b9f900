package dev.quantlab.train;

import ai.djl.ndarray.NDArray;

/** Loss functions written with NDArray ops so autograd can differentiate them. */
public final class Losses {
    private Losses() { }

    /**
     * Mean cross-entropy of {@code logits [N,C]} against integer {@code labels [N]}, with label smoothing
     * {@code eps}: the target is {@code (1-eps)} on the true class plus {@code eps/C} on every class.
     */
    public static NDArray crossEntropy(NDArray logits, NDArray labels, double eps) {
        long classes = logits.getShape().get(1);
        NDArray logp = logits.logSoftmax(1);
        NDArray target = labels.oneHot((int) classes).toType(logp.getDataType(), false);
        if (eps > 0) {
            target = target.mul(1 - eps).add(eps / classes);
        }
        return logp.mul(target).sum(new int[] {1}).mean().neg();
    }
}
