package dev.quantlab.app.compare;

import dev.quantlab.app.charts.ChartStyle;
import dev.quantlab.app.i18n.I18n;
import dev.quantlab.results.Method;
import dev.quantlab.results.RunRecord;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.XYToolTipGenerator;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Accuracy against model size (log scale, base 2: every halving of the bits is one step to the left), one series
 * (one colour) per method. Where a point comes from is shown by its marker: the learner's own runs as filled
 * circles, the results measured on the loaded model with the CLI as hollow circles, the lesson's published numbers
 * as small faint diamonds joined by a dashed line. The legend is compact: one entry per method shown, then the
 * three marker kinds. Methods at the same size are nudged a little sideways so that none hides another; every
 * point's tooltip gives its exact numbers.
 */
final class CompareChart {
    /** Where a point comes from. */
    enum Source { MINE, MEASURED, LESSON }

    /** A point: the method and source, its bits, size and accuracy. */
    record Point(Method method, Source source, int bits, double mib, double accuracy) { }

    private static final int FAINT = 110;
    private static final double MIN_MIB = 1.0;
    private static final double MAX_MIB = 48.0;
    /** Sideways nudge between neighbouring methods, in halvings of the size (log2 units). */
    static final double NUDGE = 0.055;
    private static final Shape CIRCLE = new Ellipse2D.Double(-4.5, -4.5, 9, 9);
    private static final Shape DIAMOND = diamond(4);
    private final XYSeriesCollection points = new XYSeriesCollection();
    private final XYSeriesCollection lessonLines = new XYSeriesCollection();
    /** Per series of {@link #points}, the point behind each item. */
    private final List<List<Point>> items = new ArrayList<>();
    private final List<Method> seriesMethods = new ArrayList<>();
    private final PointRenderer renderer = new PointRenderer();
    private final XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
    private final LogAxis x = new LogAxis(I18n.t("compare.chart.x"));
    private final JFreeChart chart;
    private final XYPlot plot;
    private final List<Point> reference;
    private List<RunRecord> runs = List.of();
    private List<RunRecord> measuredRuns = List.of();

    CompareChart(List<ReferencePoint> reference) {
        this.reference = reference.stream()
                .map(p -> new Point(p.method(), Source.LESSON, p.weightBits(), p.sizeMib(), p.accuracy())).toList();
        x.setBase(2);
        x.setNumberFormatOverride(new DecimalFormat("0.##"));
        x.setTickUnit(new NumberTickUnit(1), false, true);
        x.setMinorTickMarksVisible(false);
        NumberAxis y = new NumberAxis(I18n.t("compare.chart.y"));
        y.setRange(0, 101);
        y.setTickUnit(new NumberTickUnit(20));
        plot = new XYPlot(points, x, y, renderer);
        plot.setDataset(1, lessonLines);
        plot.setRenderer(1, lineRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        chart = new JFreeChart(I18n.t("compare.chart.title"), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setFrame(BlockBorder.NONE);
        chart.getLegend().setItemFont(ChartStyle.font(Font.PLAIN, 10));
        renderer.setDefaultToolTipGenerator(new Tips());
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
    List<Point> shownPoints() {
        List<Point> all = new ArrayList<>(reference);
        add(all, measuredRuns, Source.MEASURED);
        add(all, runs, Source.MINE);
        return all;
    }

    private static void add(List<Point> target, List<RunRecord> records, Source source) {
        for (RunRecord r : records) {
            if (r.lessonMib() > 0) {
                target.add(new Point(r.method(), source, r.weightBits(), r.lessonMib(), r.accuracy()));
            }
        }
    }

    private void redraw() {
        chart.setNotify(false);
        try {
            List<Point> all = shownPoints();
            points.removeAllSeries();
            lessonLines.removeAllSeries();
            items.clear();
            seriesMethods.clear();
            Map<Method, XYSeries> byMethod = new EnumMap<>(Method.class);
            Map<Method, List<Point>> pointsByMethod = new EnumMap<>(Method.class);
            for (Point p : all) {
                byMethod.computeIfAbsent(p.method(), m -> new XYSeries(MethodStyle.name(m), false, true))
                        .add(nudged(p), p.accuracy());
                pointsByMethod.computeIfAbsent(p.method(), m -> new ArrayList<>()).add(p);
            }
            for (Map.Entry<Method, XYSeries> e : byMethod.entrySet()) {
                int i = points.getSeriesCount();
                points.addSeries(e.getValue());
                items.add(pointsByMethod.get(e.getKey()));
                seriesMethods.add(e.getKey());
                renderer.setSeriesPaint(i, MethodStyle.colour(e.getKey()));
            }
            BasicStroke dashed = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                    new float[] {4f, 4f}, 0f);
            for (Map.Entry<Method, List<Point>> e : pointsByMethod.entrySet()) {
                XYSeries line = new XYSeries("lesson " + e.getKey(), true, true);
                e.getValue().stream().filter(p -> p.source() == Source.LESSON).forEach(p -> line.add(nudged(p),
                        p.accuracy()));
                if (line.getItemCount() > 1) {
                    int i = lessonLines.getSeriesCount();
                    lessonLines.addSeries(line);
                    lineRenderer.setSeriesPaint(i, MethodStyle.faint(e.getKey(), FAINT));
                    lineRenderer.setSeriesStroke(i, dashed);
                }
            }
            plot.setFixedLegendItems(legend(byMethod.keySet()));
            double lo = MIN_MIB;
            double hi = MAX_MIB;
            for (Point p : all) {
                lo = Math.min(lo, p.mib() / 1.3);
                hi = Math.max(hi, p.mib() * 1.3);
            }
            x.setRange(lo, hi);
        } finally {
            chart.setNotify(true);
        }
    }

    /** The size drawn for {@code p}: methods side by side around the true size (the tooltip has the true one). */
    static double nudged(Point p) {
        double centre = (Method.values().length - 1) / 2.0;
        return p.mib() * Math.pow(2, NUDGE * (p.method().ordinal() - centre));
    }

    private LegendItemCollection legend(Set<Method> methods) {
        LegendItemCollection legend = new LegendItemCollection();
        for (Method m : EnumSet.copyOf(methods.isEmpty() ? EnumSet.of(Method.FP32) : methods)) {
            LegendItem item = new LegendItem(MethodStyle.name(m), null, null, null,
                    new Rectangle2D.Double(-5, -5, 10, 10), MethodStyle.colour(m));
            legend.add(item);
        }
        legend.add(marker(Source.MINE));
        legend.add(marker(Source.MEASURED));
        legend.add(marker(Source.LESSON));
        return legend;
    }

    private static LegendItem marker(Source source) {
        Color grey = ChartStyle.MUTED;
        String label = sourceName(source);
        return switch (source) {
            case MINE -> new LegendItem(label, null, null, null, CIRCLE, grey);
            case MEASURED -> new LegendItem(label, null, null, null, true, CIRCLE, false, grey, true, grey,
                    new BasicStroke(1.6f), false, CIRCLE, new BasicStroke(1f), grey);
            case LESSON -> new LegendItem(label, null, null, null, DIAMOND, new Color(grey.getRed(),
                    grey.getGreen(), grey.getBlue(), FAINT));
        };
    }

    static String sourceName(Source source) {
        return I18n.t("compare.chart.source." + source.name().toLowerCase(java.util.Locale.ROOT));
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

    /** The point behind item {@code item} of series {@code series}. */
    Point point(int series, int item) {
        return items.get(series).get(item);
    }

    /** Filled, hollow or faint diamond by the point's source; the colour is the method's. */
    private final class PointRenderer extends XYLineAndShapeRenderer {
        PointRenderer() {
            super(false, true);
        }

        @Override
        public boolean getItemShapeFilled(int series, int item) {
            return point(series, item).source() != Source.MEASURED;
        }

        @Override
        public Shape getItemShape(int series, int item) {
            return point(series, item).source() == Source.LESSON ? DIAMOND : CIRCLE;
        }

        @Override
        public Paint getItemPaint(int series, int item) {
            Point p = point(series, item);
            return p.source() == Source.LESSON ? MethodStyle.faint(p.method(), FAINT) : MethodStyle.colour(p.method());
        }

        @Override
        public boolean getItemShapeVisible(int series, int item) {
            return true;
        }
    }

    /** "k-means + QAT, 2-bit (your runs): 2.20 MiB, 88.50%". */
    private final class Tips implements XYToolTipGenerator {
        @Override
        public String generateToolTip(XYDataset dataset, int series, int item) {
            Point p = point(series, item);
            return I18n.t("compare.chart.tip", MethodStyle.name(p.method()), Integer.toString(p.bits()),
                    sourceName(p.source()), new DecimalFormat("0.00").format(p.mib()),
                    new DecimalFormat("0.00").format(p.accuracy()));
        }
    }

    JFreeChart chart() {
        return chart;
    }

    /** Points of the learner's runs now shown. */
    int runPoints() {
        return count(Source.MINE);
    }

    /** Points measured on the loaded model (its results file) now shown. */
    int measuredPoints() {
        return count(Source.MEASURED);
    }

    /** Methods of the measured points now shown. */
    int measuredSeries() {
        return (int) shownPoints().stream().filter(p -> p.source() == Source.MEASURED).map(Point::method).distinct()
                .count();
    }

    /** Points of the lesson's reference series. */
    int referencePoints() {
        return count(Source.LESSON);
    }

    /** Series drawn for the points: one per method. */
    int pointSeries() {
        return points.getSeriesCount();
    }

    /** Entries in the legend. */
    int legendEntries() {
        return plot.getLegendItems().getItemCount();
    }

    private int count(Source source) {
        int n = 0;
        for (List<Point> list : items) {
            n += (int) list.stream().filter(p -> p.source() == source).count();
        }
        return n;
    }
}
