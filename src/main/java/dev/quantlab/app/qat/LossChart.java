package dev.quantlab.app.qat;

import dev.quantlab.app.charts.ChartStyle;
import dev.quantlab.app.i18n.Texts;

/** Training loss (cross-entropy of the batch) after every QAT step. */
final class LossChart extends OneLineChart {
    LossChart(Texts texts) {
        super(texts, "qat.chart.loss", "qat.chart.step", lines(false, 1.4f), ChartStyle.ACCENT);
    }

    @Override
    protected void update(QatLiveData data) {
        sync(line, data.loss());
    }
}
