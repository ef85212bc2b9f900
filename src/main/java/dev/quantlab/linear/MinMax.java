package dev.quantlab.linear;

/** A closed real interval {@code [min, max]}: the observed range of a tensor. */
public record MinMax(double min, double max) {

    public MinMax {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("invalid range [" + min + ", " + max + "]");
        }
    }

    /** Range of the given values. */
    public static MinMax of(float[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new MinMax(lo, hi);
    }

    /** The smallest interval holding both. */
    public MinMax union(MinMax other) {
        return new MinMax(Math.min(min, other.min), Math.max(max, other.max));
    }
}
