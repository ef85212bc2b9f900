package dev.quantlab.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** Anything that maps a float image batch {@code [N,3,32,32]} in [0,1] to predicted class indices. */
@FunctionalInterface
public interface Classifier {
    /** Predicted classes for the batch; temporary arrays may be created in {@code batchManager}. */
    int[] predict(NDManager batchManager, NDArray images);
}
