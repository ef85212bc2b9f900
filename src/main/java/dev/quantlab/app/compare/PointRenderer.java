package dev.quantlab.app.compare;

import dev.quantlab.app.i18n.Texts;
import java.awt.Paint;
import java.awt.Shape;
import java.text.DecimalFormat;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/**
 * Draws each point of the Compare chart by its source (filled, hollow or a faint diamond) in its method's colour,
 * with a tooltip giving its exact numbers: both sizes (the lesson's rule and on disk), the accuracy, and whether a
 * QAT run was stopped early.
 */
final class PointRenderer extends XYLineAndShapeRenderer {
    private static final long serialVersionUID = 1L;

    /** The point behind an item of a series. */
    @FunctionalInterface
    interface Points {
        ChartPoint at(int series, int item);
    }

    private final transient Points points;

    PointRenderer(Points points, Texts texts) {
        super(false, true);
        this.points = points;
        setDefaultToolTipGenerator((dataset, series, item) -> tip(points.at(series, item), texts));
    }

    /** "k-means + QAT, 2-bit (your runs): 2.20 MiB by the lesson's rule, 2.22 MiB on disk, 88.50%". */
    static String tip(ChartPoint p, Texts texts) {
        DecimalFormat two = new DecimalFormat("0.00");
        String sizes = Double.isNaN(p.storedMib()) ? texts.t("compare.chart.tip.lessonSize", two.format(p.mib()))
                : texts.t("compare.chart.tip.sizes", two.format(p.mib()), two.format(p.storedMib()));
        String tip = texts.t(p.mixed() ? "compare.chart.tip.mixed" : "compare.chart.tip",
                MethodStyle.name(p.method(), texts), Integer.toString(p.bits()),
                CompareLegend.sourceName(p.source(), texts), sizes, two.format(p.accuracy()));
        return p.stopped() == null ? tip : tip + texts.t("compare.chart.tip.stopped", p.stopped().epochs(),
                p.stopped().planned());
    }

    @Override
    public boolean getItemShapeFilled(int series, int item) {
        return points.at(series, item).source() != ChartPoint.Source.MEASURED;
    }

    @Override
    public Shape getItemShape(int series, int item) {
        return points.at(series, item).source() == ChartPoint.Source.LESSON ? CompareLegend.DIAMOND
                : CompareLegend.CIRCLE;
    }

    @Override
    public Paint getItemPaint(int series, int item) {
        ChartPoint p = points.at(series, item);
        return p.source() == ChartPoint.Source.LESSON ? MethodStyle.faint(p.method(), CompareLegend.FAINT)
                : MethodStyle.colour(p.method());
    }

    @Override
    public boolean getItemShapeVisible(int series, int item) {
        return true;
    }
}
