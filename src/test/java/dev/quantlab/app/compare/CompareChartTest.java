package dev.quantlab.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.i18n.I18n;
import dev.quantlab.results.Method;
import dev.quantlab.results.RunRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Compare chart: one series per method, the source in the marker, a compact legend, tooltips. */
class CompareChartTest {
    @BeforeAll
    static void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void oneSeriesPerMethodWithTheSourceInTheMarkerFill() {
        List<ReferencePoint> lesson = ReferencePoint.lesson();
        CompareChart chart = new CompareChart(lesson);
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
        assertEquals(1, chart.runPoints());
        assertEquals(2, chart.measuredPoints());
        assertEquals(lesson.size(), chart.referencePoints());
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer(0);
        int filled = 0;
        int hollow = 0;
        for (int s = 0; s < plot.getDataset(0).getSeriesCount(); s++) {
            for (int i = 0; i < plot.getDataset(0).getItemCount(s); i++) {
                CompareChart.Point p = chart.point(s, i);
                assertEquals(MethodStyle.name(p.method()), plot.getDataset(0).getSeriesKey(s));
                assertEquals(p.source() != CompareChart.Source.MEASURED, r.getItemShapeFilled(s, i));
                if (r.getItemShapeFilled(s, i)) {
                    filled++;
                } else {
                    hollow++;
                }
                String tip = r.getToolTipGenerator(s, i).generateToolTip(plot.getDataset(0), s, i);
                assertTrue(tip.contains(CompareChart.sourceName(p.source())), tip);
                assertTrue(tip.contains(String.format(Locale.ROOT, "%.2f MiB", p.mib())), tip);
                double x = plot.getDataset(0).getXValue(s, i);
                assertTrue(Math.abs(Math.log(x / p.mib()) / Math.log(2)) < 0.2, "nudged, not moved: " + x);
            }
        }
        assertEquals(2, hollow);
        assertEquals(1 + lesson.size(), filled);
    }

    @Test
    void theLegendStaysCompactWithEveryMethodFromEverySource() {
        CompareChart chart = new CompareChart(ReferencePoint.lesson());
        List<RunRecord> all = java.util.Arrays.stream(Method.values())
                .map(m -> RunRecord.of(m, 4, 4.40, 4.42, 90, 1000)).toList();
        chart.show(all);
        chart.showMeasured(all);
        assertEquals(Method.values().length + 3, chart.legendEntries());
        assertFalse(chart.chart().getLegend() == null);
    }
}
