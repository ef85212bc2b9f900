package dev.quantlab.app.compare;

import dev.quantlab.app.charts.ChartStyle;
import dev.quantlab.app.i18n.Texts;
import dev.quantlab.results.Method;
import java.awt.Color;
import java.util.Locale;

/** The name and colour of each method, the same in the chart, its legend and the tables. */
final class MethodStyle {
    private MethodStyle() { }

    static String name(Method m, Texts texts) {
        return texts.t("compare.method." + m.name().toLowerCase(Locale.ROOT));
    }

    static Color colour(Method m) {
        return switch (m) {
            case FP32 -> ChartStyle.TEXT;
            case KMEANS -> ChartStyle.ACCENT;
            case KMEANS_BN -> new Color(0xE6A100);
            case KMEANS_QAT -> new Color(0x0F9D58);
            case LINEAR -> ChartStyle.ACCENT_2;
            case INTEGER -> new Color(0x8E44AD);
        };
    }

    /** The colour at {@code alpha} (0..255), for the faint reference series. */
    static Color faint(Method m, int alpha) {
        Color c = colour(m);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
