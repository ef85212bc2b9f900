package dev.quantlab.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds weights no trained model can hold: NaN or infinite values anywhere, and negative BatchNorm running
 * variances (a variance is never negative; the square root taken in BatchNorm would be NaN). Such a model scores
 * chance (10%) and must not pass for a real one.
 */
public final class WeightCheck {
    private WeightCheck() { }

    /** What is wrong with {@code dict}, in one line, or empty when every value is usable. */
    public static Optional<String> problem(StateDict dict) {
        long nonFinite = 0;
        String firstNonFinite = null;
        long negativeVar = 0;
        String firstNegativeVar = null;
        for (Map.Entry<String, TensorData> e : dict.asMap().entrySet()) {
            boolean variance = e.getKey().endsWith("running_var");
            for (float v : e.getValue().values()) {
                if (!Float.isFinite(v)) {
                    nonFinite++;
                    if (firstNonFinite == null) {
                        firstNonFinite = e.getKey();
                    }
                } else if (variance && v < 0) {
                    negativeVar++;
                    if (firstNegativeVar == null) {
                        firstNegativeVar = e.getKey();
                    }
                }
            }
        }
        List<String> parts = new ArrayList<>();
        if (nonFinite > 0) {
            parts.add(nonFinite + " NaN or infinite value" + (nonFinite == 1 ? "" : "s") + " (first in "
                    + firstNonFinite + ")");
        }
        if (negativeVar > 0) {
            parts.add(negativeVar + " negative BatchNorm running variance" + (negativeVar == 1 ? "" : "s")
                    + " (first in " + firstNegativeVar + ")");
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" and ", parts));
    }
}
