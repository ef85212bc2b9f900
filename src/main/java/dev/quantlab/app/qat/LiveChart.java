package dev.quantlab.app.qat;

import dev.quantlab.app.charts.ChartStyle;
import java.util.Locale;
import java.awt.BasicStroke;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;

/**
 * The shared part of the QAT tab's live charts: an XY line chart in the app's style that follows
 * {@link QatLiveData}, adding only the points that are new since the last refresh (one redraw per batch).
 */
abstract class LiveChart {
    protected final JFreeChart chart;
    protected final XYPlot plot;

    LiveChart(Locale locale, String title, String xLabel, String yLabel, XYLineAndShapeRenderer renderer,
              boolean legend) {
        NumberAxis x = new NumberAxis(xLabel);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        plot = new XYPlot(null, x, y, renderer);
        chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, legend);
        ChartStyle.apply(chart, locale);
        if (legend) {
            chart.getLegend().setPosition(RectangleEdge.TOP);
            chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
    }

    static XYLineAndShapeRenderer lines(boolean shapes, float width) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, shapes);
        r.setDefaultStroke(new BasicStroke(width));
        r.setAutoPopulateSeriesStroke(false);
        return r;
    }

    JFreeChart chart() {
        return chart;
    }

    /** Brings the chart up to date with {@code data} and redraws once. */
    final void refresh(QatLiveData data) {
        chart.setNotify(false);
        try {
            update(data);
        } finally {
            chart.setNotify(true);
        }
    }

    protected abstract void update(QatLiveData data);

    /** Makes {@code series} hold {@code points}: appends what is new, starts over after a reset. */
    static void sync(XYSeries series, List<QatLiveData.Point> points) {
        if (series.getItemCount() > points.size()) {
            series.clear();
        }
        for (int i = series.getItemCount(); i < points.size(); i++) {
            series.add(points.get(i).x(), points.get(i).y(), false);
        }
        series.fireSeriesChanged();
    }

    /** Detaches the chart from its datasets when the view is thrown away. */
    void dispose() {
        for (int i = 0; i < plot.getDatasetCount(); i++) {
            plot.setDataset(i, null);
        }
    }
}
