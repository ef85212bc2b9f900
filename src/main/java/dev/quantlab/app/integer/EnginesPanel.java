package dev.quantlab.app.integer;

import dev.quantlab.app.charts.ChartPane;
import dev.quantlab.app.common.SubsetChoice;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.Ui;
import dev.quantlab.app.export.DataTable;
import dev.quantlab.app.export.Figure;
import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.services.Numbers;
import dev.quantlab.onnx.EngineBenchmark;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Subscription;

/**
 * The engines card: run / cancel / progress, "Export ONNX…", the four engines' throughput, latency at batch 100
 * and batch 1 and accuracy side by side (a table and a bar chart).
 */
final class EnginesPanel extends VBox {
    /** Column keys of the table ({@code integer.engines.col.<key>}, with {@code .tip} as tooltip). */
    static final String[] COLUMNS = {"engine", "speed", "ratio", "batch100", "batch1", "accuracy"};

    private final Texts texts;
    private final EngineChart chart;
    private final ChartPane chartPane;
    private final Label[][] cells = new Label[EngineKind.values().length][COLUMNS.length - 1];
    private final Subscription subscriptions;

    EnginesPanel(EnginesViewModel vm, TabContext ctx, Texts texts) {
        super(8);
        this.texts = texts;
        this.chart = new EngineChart(texts);
        Button run = new Button(texts.t("integer.engines.run"));
        run.setId("enginesRun");
        run.getStyleClass().add("accent");
        run.setOnAction(e -> ctx.prompts().explain(vm.run()));
        run.disableProperty().bind(vm.job().runningProperty());
        Button cancel = new Button(texts.t("integer.run.cancel"));
        cancel.setId("enginesCancel");
        cancel.disableProperty().bind(vm.job().runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        SubsetChoice subset = new SubsetChoice(texts, vm.subset());
        subset.setId("enginesSubset");
        ProgressBar bar = new ProgressBar(0);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.job().progressProperty());
        Label on = new Label(texts.t("integer.run.on"));
        Ui.noShrink(run, cancel, on, subset);
        FlowPane buttons = new FlowPane(8, 6, run, cancel, on, subset);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label status = muted("enginesStatus");
        status.textProperty().bind(vm.job().messageProperty());
        Label exported = muted("onnxStatus");
        exported.textProperty().bind(vm.exportJob().messageProperty());

        chartPane = new ChartPane(this::figure, ctx.export());
        chartPane.setPrefHeight(230);
        chartPane.setMinHeight(200);
        chartPane.setMinWidth(280);
        javafx.scene.layout.HBox.setHgrow(chartPane, javafx.scene.layout.Priority.ALWAYS);
        GridPane table = table();
        table.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.HBox results = new javafx.scene.layout.HBox(16, table, chartPane);
        FlowPane tools = new FlowPane(8, 4, exportOnnx(vm, ctx), chartPane.takeExportButton(), exported);
        tools.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(buttons, bar, status, results, tools);
        setMinWidth(0);
        subscriptions = vm.outcome().subscribe(this::show);
    }

    private MenuButton exportOnnx(EnginesViewModel vm, TabContext ctx) {
        MenuButton button = new MenuButton(texts.t("integer.onnx.button"));
        button.setId("exportOnnx");
        button.setTooltip(new Tooltip(texts.t("integer.onnx.tip")));
        for (OnnxFiles.Kind kind : OnnxFiles.Kind.values()) {
            String name = kind.name().toLowerCase(java.util.Locale.ROOT);
            MenuItem item = new MenuItem(texts.t("integer.onnx." + name));
            item.setId("exportOnnx-" + name);
            item.setOnAction(e -> {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(texts.t("integer.onnx." + name));
                chooser.setInitialFileName("quantlab-vgg-" + name + ".onnx");
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("ONNX", "*.onnx"));
                File file = chooser.showSaveDialog(getScene().getWindow());
                if (file != null) {
                    ctx.prompts().explain(vm.exportOnnx(kind, file.toPath()));
                }
            });
            button.getItems().add(item);
        }
        Ui.noShrink(button);
        return button;
    }

    private GridPane table() {
        GridPane g = new GridPane();
        g.setId("enginesTable");
        g.setHgap(12);
        g.setVgap(4);
        for (int c = 0; c < COLUMNS.length; c++) {
            Label h = muted(null);
            h.setText(texts.t("integer.engines.col." + COLUMNS[c]));
            h.setTooltip(new Tooltip(texts.t("integer.engines.col." + COLUMNS[c] + ".tip")));
            Ui.noShrink(h);
            g.add(h, c, 0);
        }
        EngineKind[] kinds = EngineKind.values();
        for (int r = 0; r < kinds.length; r++) {
            Label name = new Label(texts.t(kinds[r].key()));
            Ui.noShrink(name);
            g.add(name, 0, r + 1);
            for (int c = 0; c < COLUMNS.length - 1; c++) {
                Label v = new Label(Numbers.NONE);
                v.setId("engine-" + r + "-" + c);
                v.setStyle("-fx-font-family: 'DejaVu Sans Mono', monospace;");
                Ui.noShrink(v);
                cells[r][c] = v;
                g.add(v, c + 1, r + 1);
            }
        }
        return g;
    }

    private void show(EngineRace.Outcome o) {
        chart.show(o);
        EngineKind[] kinds = EngineKind.values();
        for (int r = 0; r < kinds.length; r++) {
            List<String> row = o == null ? null : values(o, kinds[r]);
            for (int c = 0; c < cells[r].length; c++) {
                cells[r][c].setText(row == null ? Numbers.NONE : row.get(c));
            }
        }
    }

    /** The table's cells of one engine: img/s, ratio to fp32 libtorch, ms at batch 100 and 1, accuracy. */
    static List<String> values(EngineRace.Outcome o, EngineKind k) {
        EngineBenchmark.EngineResult r = o.result(k);
        double base = o.result(EngineKind.FP32_LIBTORCH).imagesPerSecond();
        return List.of(Numbers.fixed(r.imagesPerSecond(), 1), Numbers.fixed(r.imagesPerSecond() / base, 2) + "×",
                Numbers.fixed(r.msPerImageBatch100(), 2), Numbers.fixed(r.msPerImageBatch1(), 2),
                Numbers.percent(r.accuracyPercent()));
    }

    /** The table for "export all" / CSV. */
    DataTable data(EngineRace.Outcome o) {
        List<String> headers = new ArrayList<>();
        for (String c : COLUMNS) {
            headers.add(texts.t("integer.engines.col." + c + ".tip"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (EngineKind k : EngineKind.values()) {
            List<String> row = new ArrayList<>();
            row.add(texts.t(k.key()));
            row.addAll(values(o, k));
            rows.add(row);
        }
        return new DataTable("integer-engines", headers, rows);
    }

    Figure figure() {
        return Figure.of("integer-engines-throughput", chart.chart());
    }

    private static Label muted(String id) {
        Label l = new Label();
        if (id != null) {
            l.setId(id);
        }
        l.getStyleClass().add("muted");
        l.setWrapText(true);
        return l;
    }

    void dispose() {
        subscriptions.unsubscribe();
    }
}
