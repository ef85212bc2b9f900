package dev.quantlab.mixed;

import dev.quantlab.model.StateDict;

/** Measures a model's accuracy in percent on a fixed set of test images. */
@FunctionalInterface
public interface ModelScorer {
    double accuracy(StateDict weights);
}
