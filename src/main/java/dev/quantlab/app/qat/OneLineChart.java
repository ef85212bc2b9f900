package dev.quantlab.app.qat;

import dev.quantlab.app.charts.ChartStyle;
import dev.quantlab.app.i18n.Texts;
import java.awt.Color;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A live chart of one line in {@code colour}, its texts under one key: {@code key.title}, {@code key.axis} (the y
 * axis), {@code key.series} and {@code key.empty} (shown before the first point).
 */
abstract class OneLineChart extends LiveChart {
    protected final XYSeries line;

    OneLineChart(Texts texts, String key, String xKey, XYLineAndShapeRenderer renderer, Color colour) {
        super(texts.locale(), texts.t(key + ".title"), texts.t(xKey), texts.t(key + ".axis"), renderer, false);
        this.line = new XYSeries(texts.t(key + ".series"), true, true);
        plot.setDataset(new XYSeriesCollection(line));
        plot.getRenderer().setSeriesPaint(0, colour);
        ChartStyle.setEmptyMessage(plot, texts.t(key + ".empty"));
    }

    /** How many points the line has. */
    int points() {
        return line.getItemCount();
    }
}
