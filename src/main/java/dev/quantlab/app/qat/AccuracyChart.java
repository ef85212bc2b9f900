package dev.quantlab.app.qat;

import dev.quantlab.app.charts.ChartStyle;
import dev.quantlab.app.i18n.Texts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Locale;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

/**
 * Test accuracy before QAT (epoch 0) and after each epoch 1..N (numbered as the log), with the fp32 accuracy and the threshold line
 * (fp32 minus the allowed drop) that ends QAT once reached.
 */
final class AccuracyChart extends OneLineChart {
    private static final double MARGIN = 3;
    private final Texts texts;

    AccuracyChart(Texts texts) {
        super(texts, "qat.chart.accuracy", "qat.chart.epoch", lines(true, 1.8f), ChartStyle.ACCENT_2);
        this.texts = texts;
    }

    @Override
    protected void update(QatLiveData data) {
        sync(line, data.accuracy());
        plot.clearRangeMarkers();
        double fp32 = data.fp32();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (QatLiveData.Point p : data.accuracy()) {
            lo = Math.min(lo, p.y());
            hi = Math.max(hi, p.y());
        }
        if (!Double.isNaN(fp32)) {
            double line = fp32 - data.threshold();
            plot.addRangeMarker(marker(fp32, texts.t("qat.chart.fp32", fmt(fp32)), ChartStyle.TEXT, null, true),
                    Layer.BACKGROUND);
            plot.addRangeMarker(marker(line, texts.t("qat.chart.threshold", fmt(line)), ChartStyle.ACCENT,
                    new float[] {5f, 4f}, false), Layer.BACKGROUND);
            lo = Math.min(lo, line);
            hi = Math.max(hi, fp32);
        }
        if (lo <= hi) {
            // the fp32 label sits above its line: leave about a sixth of the span above the highest value for it,
            // even past 100 % (a label cut at the plot's top edge was unreadable)
            double margin = Math.max(MARGIN, (hi - lo) / 6);
            plot.getRangeAxis().setRange(Math.max(0, lo - MARGIN), Math.min(110, hi + margin) + 0.01);
        } else {
            plot.getRangeAxis().setAutoRange(true);
        }
        // room right of the last epoch for the line labels, so that no label lies on a point
        double last = Math.max(1, data.accuracy().size() - 1);
        plot.getDomainAxis().setRange(-0.25, last + Math.max(0.9, 0.4 * last));
    }

    /** A horizontal line labelled at its right end, the label above ({@code above}) or below the line. */
    private static ValueMarker marker(double y, String label, Color colour, float[] dash, boolean above) {
        ValueMarker m = new ValueMarker(y, colour, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                1f, dash, 0f));
        m.setLabel(label);
        m.setLabelPaint(colour);
        m.setLabelFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10));
        m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        m.setLabelAnchor(RectangleAnchor.RIGHT);
        m.setLabelTextAnchor(above ? TextAnchor.BOTTOM_RIGHT : TextAnchor.TOP_RIGHT);
        return m;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
