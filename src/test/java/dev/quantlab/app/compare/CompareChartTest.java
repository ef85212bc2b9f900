package dev.quantlab.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.i18n.Texts;
import dev.quantlab.results.Method;
import dev.quantlab.results.RunRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.junit.jupiter.api.Test;

/** The Compare chart: one series per method, the source in the marker, a compact legend, tooltips. */
class CompareChartTest {
    private static final Texts EN = Texts.of(Locale.ENGLISH);

    @Test
    void oneSeriesPerMethodWithTheSourceInTheMarkerFill() {
        List<ReferencePoint> lesson = ReferencePoint.lesson();
        CompareChart chart = new CompareChart(lesson, EN);
        chart.show(List.of(RunRecord.of(Method.KMEANS, 4, 4.40, 4.42, 91.6, 1000)));
        chart.showMeasured(List.of(RunRecord.of(Method.KMEANS, 2, 2.20, 2.22, 23.04, 10_000),
                RunRecord.of(Method.INTEGER, 8, 8.80, 8.81, 92.77, 10_000)));
        Set<Method> methods = new HashSet<>();
        lesson.forEach(p -> methods.add(p.method()));
        methods.add(Method.KMEANS);
        methods.add(Method.INTEGER);
        XYPlot plot = chart.chart().getXYPlot();
        assertEquals(methods.size(), chart.pointSeries(), "one series per method, whatever the source");
        assertEquals(methods.size() + 3, chart.legendEntries(), "methods, then filled / hollow / faint markers");
        assertEquals(1, chart.count(ChartPoint.Source.MINE));
        assertEquals(2, chart.count(ChartPoint.Source.MEASURED));
        assertEquals(lesson.size(), chart.count(ChartPoint.Source.LESSON));
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer(0);
        int filled = 0;
        int hollow = 0;
        for (int s = 0; s < plot.getDataset(0).getSeriesCount(); s++) {
            for (int i = 0; i < plot.getDataset(0).getItemCount(s); i++) {
                ChartPoint p = chart.point(s, i);
                assertEquals(MethodStyle.name(p.method(), EN), plot.getDataset(0).getSeriesKey(s));
                assertEquals(p.source() != ChartPoint.Source.MEASURED, r.getItemShapeFilled(s, i));
                if (r.getItemShapeFilled(s, i)) {
                    filled++;
                } else {
                    hollow++;
                }
                String tip = r.getToolTipGenerator(s, i).generateToolTip(plot.getDataset(0), s, i);
                assertTrue(tip.contains(CompareLegend.sourceName(p.source(), EN)), tip);
                assertTrue(tip.contains(String.format(Locale.ROOT, "%.2f MiB by the lesson's rule", p.mib())), tip);
                if (p.source() != ChartPoint.Source.LESSON) {
                    assertTrue(tip.contains(String.format(Locale.ROOT, "%.2f MiB on disk", p.storedMib())), tip);
                }
                double x = plot.getDataset(0).getXValue(s, i);
                assertTrue(Math.abs(Math.log(x / p.mib()) / Math.log(2)) < 0.2, "nudged, not moved: " + x);
            }
        }
        assertEquals(2, hollow);
        assertEquals(1 + lesson.size(), filled);
    }

    @Test
    void theLegendStaysCompactWithEveryMethodFromEverySource() {
        CompareChart chart = new CompareChart(ReferencePoint.lesson(), EN);
        List<RunRecord> all = java.util.Arrays.stream(Method.values())
                .map(m -> RunRecord.of(m, 4, 4.40, 4.42, 90, 1000)).toList();
        chart.show(all);
        chart.showMeasured(all);
        assertEquals(Method.values().length + 3, chart.legendEntries());
        assertFalse(chart.chart().getLegend() == null);
    }

    @Test
    void aStoppedQatRunIsMarkedInItsTooltip() {
        CompareChart chart = new CompareChart(List.of(), EN);
        chart.show(List.of(RunRecord.of(Method.KMEANS_QAT, 2, 2.20, 2.22, 91.23, 10_000)
                .withNote("rule=mean, epochs=3, " + new dev.quantlab.results.StoppedRun(3, 5).mark())));
        XYPlot plot = chart.chart().getXYPlot();
        String tip = plot.getRenderer(0).getToolTipGenerator(0, 0).generateToolTip(plot.getDataset(0), 0, 0);
        assertEquals("k-means + QAT, 2-bit (your runs): 2.20 MiB by the lesson's rule, 2.22 MiB on disk, 91.23%; "
                + "stopped after 3 of 5 epochs (best accuracy so far)", tip);
    }
}
