package dev.quantlab.eval;

import dev.quantlab.data.CifarSplit;

/** Predicts classes for images {@code indices[from..from+n)} of a split, reading the stored bytes as it likes. */
@FunctionalInterface
public interface BatchPredictor {
    int[] predict(CifarSplit split, int[] indices, int from, int n);
}
