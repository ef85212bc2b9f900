package dev.quantlab.app.compare;

import dev.quantlab.app.charts.ChartStyle;
import dev.quantlab.app.i18n.Texts;
import dev.quantlab.results.Method;
import dev.quantlab.results.RunRecord;
import java.awt.BasicStroke;
import java.awt.Font;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Accuracy against model size (log scale, base 2: every halving of the bits is one step to the left), one series
 * (one colour) per method. Where a point comes from is shown by its marker ({@link CompareLegend}): the learner's own
 * runs as filled circles, the results measured on the loaded model with the CLI as hollow circles, the lesson's
 * published numbers as small faint diamonds joined by a dashed line. Methods at the same size are nudged a little
 * sideways so that none hides another; every point's tooltip gives its exact numbers ({@link PointRenderer}).
 */
final class CompareChart {
    private static final double MIN_MIB = 1.0;
    private static final double MAX_MIB = 48.0;
    /** Sideways nudge between neighbouring methods, in halvings of the size (log2 units). */
    static final double NUDGE = 0.055;
    private final XYSeriesCollection points = new XYSeriesCollection();
    private final XYSeriesCollection lessonLines = new XYSeriesCollection();
    /** Per series of {@link #points}, the point behind each item. */
    private final List<List<ChartPoint>> items = new ArrayList<>();
    private final PointRenderer renderer;
    private final XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
    private final LogAxis x;
    private final Texts texts;
    private final JFreeChart chart;
    private final XYPlot plot;
    private final List<ChartPoint> reference;
    private List<RunRecord> runs = List.of();
    private List<RunRecord> measuredRuns = List.of();

    CompareChart(List<ReferencePoint> reference, Texts texts) {
        this.texts = texts;
        this.reference = reference.stream().map(ChartPoint::lesson).toList();
        this.renderer = new PointRenderer(this::point, texts);
        x = new LogAxis(texts.t("compare.chart.x"));
        x.setBase(2);
        x.setNumberFormatOverride(new DecimalFormat("0.##"));
        x.setTickUnit(new NumberTickUnit(1), false, true);
        x.setMinorTickMarksVisible(false);
        NumberAxis y = new NumberAxis(texts.t("compare.chart.y"));
        y.setRange(0, 101);
        y.setTickUnit(new NumberTickUnit(20));
        plot = new XYPlot(points, x, y, renderer);
        plot.setDataset(1, lessonLines);
        plot.setRenderer(1, lineRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        chart = new JFreeChart(texts.t("compare.chart.title"), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart, texts.locale());
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setFrame(BlockBorder.NONE);
        chart.getLegend().setItemFont(ChartStyle.font(texts.locale(), Font.PLAIN, 10));
        renderer.setDrawOutlines(true);
        renderer.setUseOutlinePaint(false);
        renderer.setDefaultOutlineStroke(new BasicStroke(1.6f));
        lineRenderer.setDefaultSeriesVisibleInLegend(false);
        redraw();
    }

    /** Shows the learner's {@code runs} (replacing what was shown); on the FX thread. */
    void show(List<RunRecord> runs) {
        this.runs = List.copyOf(runs);
        redraw();
    }

    /**
     * Shows {@code runs} measured on the loaded model with the CLI (its {@code <name>-results.json}) as hollow
     * markers, replacing the ones shown before; on the FX thread.
     */
    void showMeasured(List<RunRecord> runs) {
        this.measuredRuns = List.copyOf(runs);
        redraw();
    }

    /** Every point now shown, lesson first, then measured, then the learner's runs (drawn last, on top). */
    List<ChartPoint> shownPoints() {
        List<ChartPoint> all = new ArrayList<>(reference);
        ChartPoint.addAll(all, measuredRuns, ChartPoint.Source.MEASURED);
        ChartPoint.addAll(all, runs, ChartPoint.Source.MINE);
        return all;
    }

    private void redraw() {
        chart.setNotify(false);
        try {
            List<ChartPoint> all = shownPoints();
            points.removeAllSeries();
            lessonLines.removeAllSeries();
            items.clear();
            Map<Method, XYSeries> byMethod = new EnumMap<>(Method.class);
            Map<Method, List<ChartPoint>> pointsByMethod = new EnumMap<>(Method.class);
            for (ChartPoint p : all) {
                byMethod.computeIfAbsent(p.method(), m -> new XYSeries(MethodStyle.name(m, texts), false, true))
                        .add(nudged(p), p.accuracy());
                pointsByMethod.computeIfAbsent(p.method(), m -> new ArrayList<>()).add(p);
            }
            for (Map.Entry<Method, XYSeries> e : byMethod.entrySet()) {
                int i = points.getSeriesCount();
                points.addSeries(e.getValue());
                items.add(pointsByMethod.get(e.getKey()));
                renderer.setSeriesPaint(i, MethodStyle.colour(e.getKey()));
            }
            drawLessonLines(pointsByMethod);
            plot.setFixedLegendItems(CompareLegend.of(byMethod.keySet(), texts));
            double lo = MIN_MIB;
            double hi = MAX_MIB;
            for (ChartPoint p : all) {
                lo = Math.min(lo, p.mib() / 1.3);
                hi = Math.max(hi, p.mib() * 1.3);
            }
            x.setRange(lo, hi);
        } finally {
            chart.setNotify(true);
        }
    }

    /** The lesson's points of each method joined by a faint dashed line. */
    private void drawLessonLines(Map<Method, List<ChartPoint>> pointsByMethod) {
        BasicStroke dashed = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                new float[] {4f, 4f}, 0f);
        for (Map.Entry<Method, List<ChartPoint>> e : pointsByMethod.entrySet()) {
            XYSeries line = new XYSeries("lesson " + e.getKey(), true, true);
            e.getValue().stream().filter(p -> p.source() == ChartPoint.Source.LESSON)
                    .forEach(p -> line.add(nudged(p), p.accuracy()));
            if (line.getItemCount() > 1) {
                int i = lessonLines.getSeriesCount();
                lessonLines.addSeries(line);
                lineRenderer.setSeriesPaint(i, MethodStyle.faint(e.getKey(), CompareLegend.FAINT));
                lineRenderer.setSeriesStroke(i, dashed);
            }
        }
    }

    /** The size drawn for {@code p}: methods side by side around the true size (the tooltip has the true one). */
    static double nudged(ChartPoint p) {
        double centre = (Method.values().length - 1) / 2.0;
        return p.mib() * Math.pow(2, NUDGE * (p.method().ordinal() - centre));
    }

    /** The point behind item {@code item} of series {@code series}. */
    ChartPoint point(int series, int item) {
        return items.get(series).get(item);
    }

    JFreeChart chart() {
        return chart;
    }

    /** Points from {@code source} now drawn. */
    int count(ChartPoint.Source source) {
        int n = 0;
        for (List<ChartPoint> list : items) {
            n += (int) list.stream().filter(p -> p.source() == source).count();
        }
        return n;
    }

    /** Methods of the points from {@code source} now drawn. */
    long methods(ChartPoint.Source source) {
        return items.stream().flatMap(List::stream).filter(p -> p.source() == source).map(ChartPoint::method)
                .distinct().count();
    }

    /** Series drawn for the points: one per method. */
    int pointSeries() {
        return points.getSeriesCount();
    }

    /** Entries in the legend. */
    int legendEntries() {
        return plot.getLegendItems().getItemCount();
    }
}
