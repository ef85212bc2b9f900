package dev.quantlab.app.baseline;

import dev.quantlab.app.charts.ChartStyle;
import dev.quantlab.app.i18n.Texts;
import dev.quantlab.data.CifarClasses;
import dev.quantlab.eval.EvalResult;
import java.awt.Font;
import java.text.DecimalFormat;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/** Bars of top-1 accuracy per CIFAR-10 class, with the overall accuracy as a dashed line. */
final class PerClassAccuracyChart {
    private static final String SERIES = "accuracy";
    private final DefaultCategoryDataset data = new DefaultCategoryDataset();
    private final JFreeChart chart;
    private final CategoryPlot plot;

    private final Texts texts;
    private final TextTitle overallTitle = new TextTitle("");

    PerClassAccuracyChart(Texts texts) {
        this.texts = texts;
        chart = ChartStyle.apply(ChartFactory.createBarChart(texts.t("baseline.chart.perClass.title"), null,
                texts.t("baseline.chart.perClass.axis"), data,
                PlotOrientation.HORIZONTAL, false, true, false), texts.locale());
        plot = chart.getCategoryPlot();
        ChartStyle.setEmptyMessage(plot, texts.t("baseline.chart.perClass.empty"));
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setRange(0, 112);
        y.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(20));
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setMaximumBarWidth(0.07);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0.0")));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(ChartStyle.font(texts.locale(), Font.PLAIN, 10));
        r.setDefaultItemLabelPaint(ChartStyle.TEXT);
        overallTitle.setFont(ChartStyle.font(texts.locale(), Font.PLAIN, 11));
        overallTitle.setPaint(ChartStyle.ACCENT_2);
        overallTitle.setVisible(false);
        chart.addSubtitle(overallTitle);
    }

    /** A CIFAR-10 class name as charts show it, in the current language. */
    static String className(int c, Texts texts) {
        return texts.t("baseline.class." + CifarClasses.NAMES.get(c));
    }

    /** "overall 92.90 % (dashed line)". */
    static String overallText(EvalResult result, Texts texts) {
        return texts.t("baseline.chart.perClass.overall", String.format(java.util.Locale.ROOT, "%.2f",
                result.accuracyPercent()));
    }

    /** The subtitle giving the overall accuracy (hidden before an evaluation). */
    TextTitle overallTitle() {
        return overallTitle;
    }

    JFreeChart chart() {
        return chart;
    }

    void show(EvalResult result) {
        data.clear();
        plot.clearRangeMarkers();
        overallTitle.setVisible(result != null);
        if (result == null) {
            return;
        }
        // the overall accuracy is said under the title, in the dashed line's colour: a label beside the line was
        // clipped at the plot's edge
        overallTitle.setText(overallText(result, texts));
        double[] pc = result.perClassPercent();
        for (int c = 0; c < pc.length; c++) {
            data.addValue(Double.isNaN(pc[c]) ? 0 : pc[c], SERIES, className(c, texts));
        }
        ValueMarker overall = new ValueMarker(result.accuracyPercent());
        overall.setPaint(ChartStyle.ACCENT_2);
        overall.setStroke(new java.awt.BasicStroke(1.2f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER,
                1f, new float[] {5f, 4f}, 0f));
        plot.addRangeMarker(overall);
    }
}
