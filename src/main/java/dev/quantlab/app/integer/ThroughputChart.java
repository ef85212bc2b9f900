package dev.quantlab.app.integer;

import dev.quantlab.app.charts.ChartStyle;
import dev.quantlab.app.i18n.I18n;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/** Images per second of the fp32 model (DJL / libtorch) and the integer model (QuantLab int8) on this machine. */
final class ThroughputChart {
    private final DefaultCategoryDataset data = new DefaultCategoryDataset();
    private final JFreeChart chart;

    ThroughputChart() {
        BarRenderer bars = new BarRenderer() {
            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                return column == 0 ? ChartStyle.ACCENT : ChartStyle.ACCENT_2;
            }
        };
        CategoryAxis models = new CategoryAxis();
        models.setMaximumCategoryLabelWidthRatio(2.5f);
        CategoryPlot plot = new CategoryPlot(data, models, new NumberAxis(I18n.t("integer.speed.axis")), bars);
        chart = new JFreeChart("", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        ChartStyle.apply(chart);
        chart.getTitle().setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 12));
        bars.setMaximumBarWidth(0.25);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new java.text.DecimalFormat("0.0")));
        bars.setDefaultItemLabelsVisible(true);
        plot.getRangeAxis().setUpperMargin(0.15);
        ChartStyle.setEmptyMessage(plot, I18n.t("integer.speed.empty"));
    }

    JFreeChart chart() {
        return chart;
    }

    void show(Comparison c) {
        chart.setNotify(false);
        try {
            data.clear();
            if (c == null) {
                chart.setTitle("");
                return;
            }
            String series = I18n.t("integer.speed.series");
            data.addValue(c.fp32().imagesPerSecond(), series, I18n.t("integer.speed.fp32"));
            data.addValue(c.integer().imagesPerSecond(), series, I18n.t("integer.speed.integer"));
            chart.setTitle(I18n.t("integer.speed.title", c.integer().images(), Runtime.getRuntime().availableProcessors()));
        } finally {
            chart.setNotify(true);
        }
    }
}
