package dev.quantlab.linear;

import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Observed real ranges of the points where the integer model quantizes activations, keyed by point name:
 * {@code <layer>.input} (what a conv or linear layer reads) and {@code <layer>.output} (after the ReLU that
 * follows a conv, or the classifier's logits), with layers named {@code backbone.conv0..7} and
 * {@code classifier} as in the reference model's forward pass.
 */
public record ActivationRanges(Map<String, MinMax> points) {

    /** Name of the classifier layer. */
    public static final String CLASSIFIER = "classifier";

    public ActivationRanges {
        points = Map.copyOf(points);
    }

    /** {@code backbone.conv<i>}. */
    public static String convLayer(int index) {
        return "backbone.conv" + index;
    }

    public static String inputPoint(String layer) {
        return layer + ".input";
    }

    public static String outputPoint(String layer) {
        return layer + ".output";
    }

    /** Range of a point, or an exception naming the missing point. */
    public MinMax get(String point) {
        MinMax r = points.get(point);
        if (r == null) {
            throw new NoSuchElementException("no activation range for " + point + " (have " + points.keySet() + ")");
        }
        return r;
    }

    public boolean contains(String point) {
        return points.containsKey(point);
    }

    public MinMax input(String layer) {
        return get(inputPoint(layer));
    }

    public MinMax output(String layer) {
        return get(outputPoint(layer));
    }
}
