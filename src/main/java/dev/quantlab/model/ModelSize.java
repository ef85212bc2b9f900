package dev.quantlab.model;

import java.util.Locale;

/** Model sizes by the lesson's rule: number of parameters times bits per parameter. */
public final class ModelSize {
    public static final long MIB = 1L << 20;

    private ModelSize() { }

    /** Bytes of {@code params} parameters stored at {@code bits} bits each. */
    public static double bytes(long params, double bits) {
        return params * bits / 8.0;
    }

    public static double mib(long params, double bits) {
        return bytes(params, bits) / MIB;
    }

    /** The lesson's format: two decimals, e.g. {@code 35.20 MiB}. */
    public static String formatMib(double mib) {
        return String.format(Locale.ROOT, "%.2f MiB", mib);
    }
}
