package dev.quantlab.kmeans.qat;

/** How QAT moves the codebook after a gradient step. */
public enum UpdateRule {
    /** The lesson's rule: SGD updates the weights, then each centroid becomes the mean of its cluster. */
    MEAN,
    /** The true centroid gradient dL/dC_k = sum_j dL/dW_j 1(I_j = k), applied by SGD with momentum. */
    GRADIENT
}
