package dev.quantlab.app.qat;

import dev.quantlab.app.charts.ChartStyle;
import dev.quantlab.app.i18n.Texts;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Training loss (cross-entropy of the batch) after every QAT step. */
final class LossChart extends LiveChart {
    private final XYSeries loss;

    LossChart(Texts texts) {
        super(texts.locale(), texts.t("qat.chart.loss.title"), texts.t("qat.chart.step"), texts.t("qat.chart.loss.axis"),
                lines(false, 1.4f), false);
        this.loss = new XYSeries(texts.t("qat.chart.loss.series"), true, true);
        plot.setDataset(new XYSeriesCollection(loss));
        plot.getRenderer().setSeriesPaint(0, ChartStyle.ACCENT);
        ChartStyle.setEmptyMessage(plot, texts.t("qat.chart.loss.empty"));
    }

    @Override
    protected void update(QatLiveData data) {
        sync(loss, data.loss());
    }

    int points() {
        return loss.getItemCount();
    }
}
