package dev.quantlab.app.compare;

import dev.quantlab.app.charts.ChartStyle;
import dev.quantlab.app.i18n.Texts;
import dev.quantlab.results.Method;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;

/**
 * The Compare chart's markers and its compact legend: one entry per method shown (its colour), then the three
 * marker kinds (filled: your runs, hollow: measured on this model, faint diamond: the lesson).
 */
final class CompareLegend {
    static final int FAINT = 110;
    static final Shape CIRCLE = new Ellipse2D.Double(-4.5, -4.5, 9, 9);
    static final Shape DIAMOND = diamond(4);

    private CompareLegend() { }

    static LegendItemCollection of(Set<Method> methods, Texts texts) {
        LegendItemCollection legend = new LegendItemCollection();
        for (Method m : EnumSet.copyOf(methods.isEmpty() ? EnumSet.of(Method.FP32) : methods)) {
            legend.add(new LegendItem(MethodStyle.name(m, texts), null, null, null,
                    new Rectangle2D.Double(-5, -5, 10, 10), MethodStyle.colour(m)));
        }
        for (ChartPoint.Source s : ChartPoint.Source.values()) {
            legend.add(marker(s, texts));
        }
        return legend;
    }

    private static LegendItem marker(ChartPoint.Source source, Texts texts) {
        Color grey = ChartStyle.MUTED;
        String label = sourceName(source, texts);
        return switch (source) {
            case MINE -> new LegendItem(label, null, null, null, CIRCLE, grey);
            case MEASURED -> new LegendItem(label, null, null, null, true, CIRCLE, false, grey, true, grey,
                    new BasicStroke(1.6f), false, CIRCLE, new BasicStroke(1f), grey);
            case LESSON -> new LegendItem(label, null, null, null, DIAMOND, new Color(grey.getRed(),
                    grey.getGreen(), grey.getBlue(), FAINT));
        };
    }

    static String sourceName(ChartPoint.Source source, Texts texts) {
        return texts.t("compare.chart.source." + source.name().toLowerCase(Locale.ROOT));
    }

    private static Shape diamond(double r) {
        Path2D.Double d = new Path2D.Double();
        d.moveTo(0, -r);
        d.lineTo(r, 0);
        d.lineTo(0, r);
        d.lineTo(-r, 0);
        d.closePath();
        return d;
    }
}
