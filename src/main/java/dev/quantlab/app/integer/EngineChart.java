package dev.quantlab.app.integer;

import dev.quantlab.app.charts.BarCharts;
import dev.quantlab.app.charts.ChartStyle;
import dev.quantlab.app.i18n.Texts;
import dev.quantlab.onnx.EngineBenchmark;
import java.awt.Paint;
import java.text.DecimalFormat;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Images per second of the four engines at batch 100, as horizontal bars: the engine names read left to right
 * beside their bars and the value axis' label lies flat (also in Chinese); fp32 engines blue, int8 orange.
 */
final class EngineChart {
    private final DefaultCategoryDataset data = new DefaultCategoryDataset();
    private final JFreeChart chart;
    private final Texts texts;

    EngineChart(Texts texts) {
        this.texts = texts;
        BarRenderer bars = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return EngineKind.values()[column].int8() ? ChartStyle.ACCENT_2 : ChartStyle.ACCENT;
            }
        };
        NumberAxis speed = new NumberAxis(texts.t("integer.engines.axis"));
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), speed, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        chart = new JFreeChart("", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        ChartStyle.apply(chart, texts.locale());
        chart.getTitle().setFont(ChartStyle.font(texts.locale(), java.awt.Font.BOLD, 12));
        bars.setMaximumBarWidth(0.18);
        bars.setShadowVisible(false);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0.0")));
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
                TextAnchor.CENTER_LEFT)); // the value right of its bar, never over the next one
        speed.setUpperMargin(0.18);
        ChartStyle.setEmptyMessage(plot, texts.t("integer.engines.empty"));
    }

    JFreeChart chart() {
        return chart;
    }

    /** Shows the run's throughputs (null clears the chart). */
    void show(EngineRace.Outcome o) {
        BarCharts.redrawOnce(chart, () -> {
            data.clear();
            if (o == null) {
                chart.setTitle("");
                return;
            }
            String series = texts.t("integer.engines.series");
            for (EngineKind k : EngineKind.values()) {
                EngineBenchmark.EngineResult r = o.result(k);
                data.addValue(r.imagesPerSecond(), series, texts.t(k.key() + ".short"));
            }
            chart.setTitle(texts.t("integer.engines.title", o.result(EngineKind.FP32_LIBTORCH).images(),
                    o.report().cpu().cores()));
        });
    }
}
