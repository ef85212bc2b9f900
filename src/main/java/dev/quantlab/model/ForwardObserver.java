package dev.quantlab.model;

import ai.djl.ndarray.NDArray;

/**
 * Sees named intermediate tensors of a forward pass (for activation calibration and visualisation).
 * Points are {@code <layer>.input} for each conv/linear layer and {@code <layer>.output} after each
 * conv's ReLU and after the classifier. The array must not be kept past the call.
 */
@FunctionalInterface
public interface ForwardObserver {
    void observe(String point, NDArray value);

    ForwardObserver NONE = (point, value) -> { };
}
