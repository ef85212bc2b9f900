package dev.quantlab.app.export;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;

/**
 * The data a chart shows, as a table for CSV: one row per point, in long form. XY charts give
 * {@code series, <x axis>, <y axis>} (and a {@code z} column for heat maps), category charts
 * {@code series, <category axis>, <value axis>}; every dataset of the plot is included. Numbers are written in full
 * ({@link Double#toString}), so the CSV holds exactly what is drawn.
 */
public final class ChartData {
    private ChartData() { }

    /** The data of {@code figure}'s chart, named after the figure. */
    public static DataTable table(Figure figure) {
        return table(figure.name(), figure.chart());
    }

    public static DataTable table(String name, JFreeChart chart) {
        Plot plot = chart.getPlot();
        if (plot instanceof XYPlot xy) {
            return xy(name, xy);
        }
        if (plot instanceof CategoryPlot cp) {
            return category(name, cp);
        }
        return new DataTable(name, List.of("series", "x", "y"), List.of());
    }

    private static DataTable xy(String name, XYPlot plot) {
        boolean z = false;
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            z |= plot.getDataset(d) instanceof XYZDataset;
        }
        List<List<String>> rows = new ArrayList<>();
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset data = plot.getDataset(d);
            if (data == null) {
                continue;
            }
            for (int s = 0; s < data.getSeriesCount(); s++) {
                String series = String.valueOf(data.getSeriesKey(s));
                for (int i = 0; i < data.getItemCount(s); i++) {
                    List<String> row = new ArrayList<>(List.of(series, number(data.getXValue(s, i)),
                            number(data.getYValue(s, i))));
                    if (z) {
                        row.add(data instanceof XYZDataset xyz ? number(xyz.getZValue(s, i)) : "");
                    }
                    rows.add(row);
                }
            }
        }
        List<String> headers = new ArrayList<>(List.of("series", label(plot.getDomainAxis(), "x"),
                label(plot.getRangeAxis(), "y")));
        if (z) {
            headers.add("z");
        }
        return new DataTable(name, headers, rows);
    }

    private static DataTable category(String name, CategoryPlot plot) {
        List<List<String>> rows = new ArrayList<>();
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            CategoryDataset data = plot.getDataset(d);
            if (data == null) {
                continue;
            }
            for (int r = 0; r < data.getRowCount(); r++) {
                for (int c = 0; c < data.getColumnCount(); c++) {
                    Number v = data.getValue(r, c);
                    if (v != null) {
                        rows.add(List.of(String.valueOf(data.getRowKey(r)), String.valueOf(data.getColumnKey(c)),
                                number(v.doubleValue())));
                    }
                }
            }
        }
        return new DataTable(name, List.of("series", label(plot.getDomainAxis(), "category"),
                label(plot.getRangeAxis(), "value")), rows);
    }

    private static String label(Axis axis, String fallback) {
        String l = axis == null ? null : axis.getLabel();
        return l == null || l.isBlank() ? fallback : l;
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
