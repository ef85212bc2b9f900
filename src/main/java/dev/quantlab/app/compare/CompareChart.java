package dev.quantlab.app.compare;

import dev.quantlab.app.charts.ChartStyle;
import dev.quantlab.app.i18n.I18n;
import dev.quantlab.results.Method;
import dev.quantlab.results.RunRecord;
import java.awt.BasicStroke;
import java.text.DecimalFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Accuracy against model size (log scale, base 2: every halving of the bits is one step to the left): the
 * learner's recorded runs as solid markers, one series per method, the results measured on the loaded model with
 * the CLI as hollow markers, over the lesson's published numbers drawn faintly with dashed lines.
 */
final class CompareChart {
    private static final int FAINT = 80;
    private static final double MIN_MIB = 1.0;
    private static final double MAX_MIB = 48.0;
    private final XYSeriesCollection mine = new XYSeriesCollection();
    private final XYSeriesCollection lesson = new XYSeriesCollection();
    private final XYSeriesCollection measured = new XYSeriesCollection();
    private final XYLineAndShapeRenderer measuredRenderer = new XYLineAndShapeRenderer(false, true);
    private final XYLineAndShapeRenderer mineRenderer = new XYLineAndShapeRenderer(false, true);
    private final XYLineAndShapeRenderer lessonRenderer = new XYLineAndShapeRenderer(true, true);
    private final LogAxis x = new LogAxis(I18n.t("compare.chart.x"));
    private final JFreeChart chart;
    private final XYPlot plot;
    private final List<ReferencePoint> reference;
    private List<RunRecord> runs = List.of();
    private List<RunRecord> measuredRuns = List.of();

    CompareChart(List<ReferencePoint> reference) {
        this.reference = List.copyOf(reference);
        x.setBase(2);
        x.setNumberFormatOverride(new DecimalFormat("0.##"));
        x.setTickUnit(new NumberTickUnit(1), false, true);
        NumberAxis y = new NumberAxis(I18n.t("compare.chart.y"));
        y.setRange(0, 100);
        plot = new XYPlot(mine, x, y, mineRenderer);
        plot.setDataset(1, lesson);
        plot.setRenderer(1, lessonRenderer);
        plot.setDataset(2, measured);
        plot.setRenderer(2, measuredRenderer);
        measuredRenderer.setDefaultShapesFilled(false);
        measuredRenderer.setUseOutlinePaint(false);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        chart = new JFreeChart(I18n.t("compare.chart.title"), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        StandardXYToolTipGenerator tips = new StandardXYToolTipGenerator("{0}: {1} MiB, {2} %",
                new DecimalFormat("0.00"), new DecimalFormat("0.00"));
        mineRenderer.setDefaultToolTipGenerator(tips);
        lessonRenderer.setDefaultToolTipGenerator(tips);
        measuredRenderer.setDefaultToolTipGenerator(tips);
        showReference();
        show(List.of());
    }

    private void showReference() {
        Map<Method, XYSeries> byMethod = new EnumMap<>(Method.class);
        for (ReferencePoint p : reference) {
            byMethod.computeIfAbsent(p.method(), m -> new XYSeries(I18n.t("compare.chart.lesson", MethodStyle.name(m))))
                    .add(p.sizeMib(), p.accuracy());
        }
        BasicStroke dashed = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                new float[] {4f, 4f}, 0f);
        for (Map.Entry<Method, XYSeries> e : byMethod.entrySet()) {
            int i = lesson.getSeriesCount();
            lesson.addSeries(e.getValue());
            lessonRenderer.setSeriesPaint(i, MethodStyle.faint(e.getKey(), FAINT));
            lessonRenderer.setSeriesStroke(i, dashed);
        }
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

    private void redraw() {
        chart.setNotify(false);
        try {
            fill(mine, mineRenderer, runs, "compare.chart.mine");
            fill(measured, measuredRenderer, measuredRuns, "compare.chart.measured");
            double lo = MIN_MIB;
            double hi = MAX_MIB;
            for (List<RunRecord> list : List.of(runs, measuredRuns)) {
                for (RunRecord r : list) {
                    if (r.lessonMib() > 0) {
                        lo = Math.min(lo, r.lessonMib() / 1.3);
                        hi = Math.max(hi, r.lessonMib() * 1.3);
                    }
                }
            }
            x.setRange(lo, hi);
        } finally {
            chart.setNotify(true);
        }
    }

    /** One series per method of {@code runs} (those with a size), named by {@code nameKey}, in the method's colour. */
    private static void fill(XYSeriesCollection target, XYLineAndShapeRenderer renderer, List<RunRecord> runs,
            String nameKey) {
        target.removeAllSeries();
        Map<Method, XYSeries> byMethod = new EnumMap<>(Method.class);
        for (RunRecord r : runs) {
            if (r.lessonMib() > 0) {
                byMethod.computeIfAbsent(r.method(), m -> new XYSeries(I18n.t(nameKey, MethodStyle.name(m)), false, true))
                        .add(r.lessonMib(), r.accuracy());
            }
        }
        for (Map.Entry<Method, XYSeries> e : byMethod.entrySet()) {
            int i = target.getSeriesCount();
            target.addSeries(e.getValue());
            renderer.setSeriesPaint(i, MethodStyle.colour(e.getKey()));
        }
    }

    JFreeChart chart() {
        return chart;
    }

    /** Points of the learner's runs now shown. */
    int runPoints() {
        return count(mine);
    }

    /** Points measured on the loaded model (its results file) now shown. */
    int measuredPoints() {
        return count(measured);
    }

    /** Series (one per method) of the measured points now shown. */
    int measuredSeries() {
        return measured.getSeriesCount();
    }

    private static int count(XYSeriesCollection c) {
        int n = 0;
        for (int s = 0; s < c.getSeriesCount(); s++) {
            n += c.getItemCount(s);
        }
        return n;
    }

    /** Points of the lesson's reference series. */
    int referencePoints() {
        return count(lesson);
    }
}
