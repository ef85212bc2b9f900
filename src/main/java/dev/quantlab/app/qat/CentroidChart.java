package dev.quantlab.app.qat;

import dev.quantlab.app.charts.ChartStyle;
import dev.quantlab.app.i18n.Texts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import java.util.Optional;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * How the centroids of one layer move during QAT: one thin line per tracked centroid (all of them up to 32, else an
 * even sample by rank), coloured from the smallest (blue) to the largest (red), each drawn as its change since
 * fine-tuning started. The values themselves barely move on the scale of the weights (lines would look flat); their
 * changes, on an axis fitted to them, show training act on every centroid.
 */
final class CentroidChart extends LiveChart {
    private final Texts texts;
    private final XYSeriesCollection lines = new XYSeriesCollection();
    private String layer;

    CentroidChart(Texts texts) {
        super(texts.locale(), texts.t("qat.chart.centroids.title"), texts.t("qat.chart.step"), texts.t("qat.chart.centroids.axis"),
                lines(false, 0.9f), false);
        this.texts = texts;
        plot.setDataset(lines);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setAutoRangeIncludesZero(true);
        y.setNumberFormatOverride(new SmallNumbers()); // changes are ~1e-6 of the weights' scale
        plot.addRangeMarker(new ValueMarker(0, ChartStyle.TEXT, new BasicStroke(0.8f)));
        ChartStyle.setEmptyMessage(plot, texts.t("qat.chart.centroids.empty"));
    }

    /** Shows another layer (redrawn from the start at the next refresh). */
    void showLayer(String name, QatLiveData data) {
        layer = name;
        lines.removeAllSeries();
        refresh(data);
    }

    @Override
    protected void update(QatLiveData data) {
        Optional<QatLiveData.Track> track = layer == null ? Optional.empty() : data.track(layer);
        if (track.isEmpty()) {
            lines.removeAllSeries();
            chart.setTitle(texts.t("qat.chart.centroids.title"));
            return;
        }
        QatLiveData.Track t = track.get();
        if (lines.getSeriesCount() != t.tracked()
                || (lines.getSeriesCount() > 0 && lines.getSeries(0).getItemCount() > t.size())) {
            lines.removeAllSeries();
            XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
            for (int c = 0; c < t.tracked(); c++) {
                lines.addSeries(new XYSeries(c, true, true));
                r.setSeriesPaint(c, colour(c, t.tracked()));
            }
        }
        for (int c = 0; c < t.tracked(); c++) {
            XYSeries s = lines.getSeries(c);
            for (int i = s.getItemCount(); i < t.size(); i++) {
                s.add(t.step(i), t.delta(i, c), false);
            }
            s.fireSeriesChanged();
        }
        chart.setTitle(texts.t("qat.chart.centroids.layer", shortName(layer), t.tracked(), t.codebookSize()));
    }

    /** Tick labels for tiny changes: "0", "-1.5e-6", "5e-7". */
    private static final class SmallNumbers extends NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double v, StringBuffer out, FieldPosition pos) {
            if (v == 0 || Math.abs(v) < 1e-12) {
                return out.append('0');
            }
            String s = String.format(Locale.ROOT, "%.1e", v).replace(".0e", "e").replace("e-0", "e-").replace("e+0", "e");
            return out.append(s);
        }

        @Override
        public StringBuffer format(long v, StringBuffer out, FieldPosition pos) {
            return out.append(v);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("display only");
        }
    }

    static Color colour(int c, int n) {
        float f = n <= 1 ? 0 : c / (float) (n - 1);
        Color blue = new Color(0x2563EB);
        Color red = new Color(0xDC2626);
        return new Color(Math.round(blue.getRed() + f * (red.getRed() - blue.getRed())),
                Math.round(blue.getGreen() + f * (red.getGreen() - blue.getGreen())),
                Math.round(blue.getBlue() + f * (red.getBlue() - blue.getBlue())), 200);
    }

    static String shortName(String layer) {
        return layer.replace("backbone.", "").replace(".weight", "");
    }

    /** The plotted lines (one per tracked centroid): x = step, y = change since the start. */
    XYSeriesCollection lines() {
        return lines;
    }
}
