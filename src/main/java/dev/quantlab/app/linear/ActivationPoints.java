package dev.quantlab.app.linear;

import dev.quantlab.linear.ActivationRanges;
import java.util.ArrayList;
import java.util.List;

/** The points where the integer model quantizes activations, in model order, and their short names. */
final class ActivationPoints {
    /** Convs in the VGG. */
    static final int CONVS = 8;

    private ActivationPoints() { }

    /** Every calibrated point: each conv's input and output, then the classifier's. */
    static List<String> all() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < CONVS; i++) {
            out.add(ActivationRanges.inputPoint(ActivationRanges.convLayer(i)));
            out.add(ActivationRanges.outputPoint(ActivationRanges.convLayer(i)));
        }
        out.add(ActivationRanges.inputPoint(ActivationRanges.CLASSIFIER));
        out.add(ActivationRanges.outputPoint(ActivationRanges.CLASSIFIER));
        return List.copyOf(out);
    }

    /** {@code backbone.conv3.input} as {@code conv3 · input}. */
    static String name(String point) {
        String p = point.startsWith("backbone.") ? point.substring("backbone.".length()) : point;
        int dot = p.lastIndexOf('.');
        return dot < 0 ? p : p.substring(0, dot) + " · " + p.substring(dot + 1);
    }
}
