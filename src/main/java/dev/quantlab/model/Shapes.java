package dev.quantlab.model;

/** Small helpers for shapes given as {@code long[]}. */
public final class Shapes {
    private Shapes() { }

    public static long numel(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension " + d);
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }
}
