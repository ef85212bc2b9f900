package dev.quantlab.app.services;

import java.util.Locale;

/** How the Linear and Integer tabs write numbers: locale-independent, compact, a dash for unknown values. */
public final class Numbers {
    public static final String NONE = "–";

    private Numbers() { }

    /** Scales and other small reals: 4 significant digits ({@code 0.003922}, {@code 1.234e-05}). */
    public static String real(double v) {
        if (Double.isNaN(v)) {
            return NONE;
        }
        double a = Math.abs(v);
        return a != 0 && (a < 1e-3 || a >= 1e5) ? String.format(Locale.ROOT, "%.3e", v)
                : String.format(Locale.ROOT, "%.4g", v);
    }

    /** Fixed decimals, or a dash for NaN. */
    public static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? NONE : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** Thousands separators: {@code 2,359,296}. */
    public static String count(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /** An accuracy: {@code 92.87 %}, or a dash. */
    public static String percent(double v) {
        return Double.isNaN(v) ? NONE : String.format(Locale.ROOT, "%.2f %%", v);
    }
}
