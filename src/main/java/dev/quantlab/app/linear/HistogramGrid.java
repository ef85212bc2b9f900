package dev.quantlab.app.linear;

import dev.quantlab.app.charts.ChartPane;
import dev.quantlab.app.export.ExportActions;
import dev.quantlab.app.export.Figure;
import dev.quantlab.app.export.FileNames;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;

/** The lesson's 3x3 grid of weight histograms, one per weight tensor (8 convs + classifier). */
final class HistogramGrid extends GridPane {
    static final int LAYERS = 9;
    private static final int COLUMNS = 3;
    private final List<QuantHistogramChart> charts = new ArrayList<>();

    HistogramGrid(ExportActions export, String exportHint, dev.quantlab.app.i18n.Texts texts) {
        setId("histogramGrid");
        setHgap(6);
        setVgap(6);
        for (int i = 0; i < LAYERS; i++) {
            QuantHistogramChart chart = new QuantHistogramChart(texts);
            charts.add(chart);
            ChartPane pane = new ChartPane(() -> figure(chart), export);
            pane.takeExportButton(); // nine corner buttons would crowd the grid: right-click or "export all"
            pane.setMinSize(120, 90);
            Tooltip.install(pane.viewer(), new Tooltip(exportHint));
            add(pane, i % COLUMNS, i / COLUMNS);
        }
        for (int i = 0; i < COLUMNS; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / COLUMNS);
            c.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(100.0 / COLUMNS);
            r.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(r);
        }
    }

    /** Shows the preview's nine layers (null clears them). */
    void show(LinearPreviews.Preview p, QuantHistogramChart.Mode mode) {
        for (int i = 0; i < charts.size(); i++) {
            charts.get(i).show(p == null ? null : p.layers().get(i), mode);
        }
    }

    List<QuantHistogramChart> charts() {
        return charts;
    }

    List<Figure> figures() {
        return charts.stream().filter(c -> c.shown() != null).map(HistogramGrid::figure).toList();
    }

    private static Figure figure(QuantHistogramChart c) {
        LayerQuantization q = c.shown();
        String name = q == null ? "linear-histogram" : c.mode() == QuantHistogramChart.Mode.FP32
                ? "linear-" + q.layer() + "-fp32-histogram" : "linear-" + q.layer() + "-" + q.bits() + "bit-histogram";
        return new Figure(FileNames.slug(name), c.chart(), 640, 420);
    }
}
