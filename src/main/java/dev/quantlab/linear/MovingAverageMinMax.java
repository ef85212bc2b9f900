package dev.quantlab.linear;

import java.util.List;

/**
 * PyTorch's {@code MovingAverageMinMaxObserver}: the first batch's min/max, then after each further batch
 * {@code min += c * (batchMin - min)} and {@code max += c * (batchMax - max)}, with averaging constant {@code c}
 * (PyTorch's default {@value #PYTORCH_CONSTANT}: each new batch moves the range by 1% of the difference, so a
 * single batch with an outlier barely widens it, unlike the running min/max over all batches).
 */
public final class MovingAverageMinMax {
    /** PyTorch's default averaging constant. */
    public static final double PYTORCH_CONSTANT = 0.01;

    private MovingAverageMinMax() { }

    /** The moving-average range after the given per-batch ranges, in the order the batches came. */
    public static MinMax of(List<MinMax> batches, double constant) {
        if (!(constant > 0 && constant <= 1)) {
            throw new IllegalArgumentException("averaging constant must be in (0, 1], got " + constant);
        }
        if (batches.isEmpty()) {
            throw new IllegalArgumentException("no batches observed");
        }
        double min = batches.get(0).min();
        double max = batches.get(0).max();
        for (MinMax b : batches.subList(1, batches.size())) {
            min += constant * (b.min() - min);
            max += constant * (b.max() - max);
        }
        return new MinMax(min, max);
    }
}
