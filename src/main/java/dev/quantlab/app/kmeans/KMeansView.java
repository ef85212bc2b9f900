package dev.quantlab.app.kmeans;

import dev.quantlab.app.charts.ChartPane;
import dev.quantlab.app.charts.TableExport;
import dev.quantlab.app.common.Banner;
import dev.quantlab.app.common.BitSlider;
import dev.quantlab.app.common.Card;
import dev.quantlab.app.common.SubsetChoice;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.TabHeader;
import dev.quantlab.app.common.Ui;
import dev.quantlab.app.export.DataTable;
import dev.quantlab.app.export.Figure;
import dev.quantlab.app.export.FigureSet;
import dev.quantlab.app.i18n.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

/** The k-means tab's layout: layer and bit-width, the histogram, the 5x5 demo, and the quantization runs. */
final class KMeansView extends VBox {
    private static final double TOP_MIN_HEIGHT = 370;
    private static final double RUNS_MIN_HEIGHT = 170;
    private static final double RUNS_PREF_HEIGHT = 250;
    private final KMeansViewModel vm;
    private final WeightHistogramChart histogram = new WeightHistogramChart();
    private final DemoGrid before = new DemoGrid();
    private final DemoGrid after = new DemoGrid();
    private final Slider slider;
    /** Listeners on the view model, removed by {@link #dispose()} when the view is replaced. */
    private final List<javafx.util.Subscription> subscriptions = new ArrayList<>();

    KMeansView(KMeansViewModel vm, TabContext ctx) {
        this.vm = vm;
        this.slider = BitSlider.create("bitsSlider", KMeansViewModel.MIN_BITS, KMeansViewModel.MAX_BITS, 220, vm.bits(),
                subscriptions::add);
        getStyleClass().add("tab-content");
        TabHeader header = new TabHeader("2–3", I18n.t("kmeans.header.title"), I18n.t("kmeans.header.subtitle"));
        header.exportAllButton().setOnAction(e -> ctx.export().exportAll(this::figures));
        Banner noModel = Banner.missingModel(ctx.services().model(), ctx.prompts());

        ChartPane chart = new ChartPane(this::histogramFigure, ctx.export());
        subscriptions.add(vm.preview().subscribe(histogram::show)); // the current preview at once

        GridPane grid = new GridPane();
        grid.getStyleClass().add("tab-grid");
        HBox.setHgrow(chart, Priority.ALWAYS);
        HBox chartAndDemo = new HBox(14, chart, demoBox());
        VBox.setVgrow(chartAndDemo, Priority.ALWAYS);
        grid.add(new Card(I18n.t("kmeans.card.layer"), new VBox(8, controls(), chartAndDemo), chart.takeExportButton()), 0, 0);
        grid.add(new Card(I18n.t("kmeans.card.model"), runsBox(ctx)), 0, 1);
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setHgrow(Priority.ALWAYS);
        RowConstraints r0 = new RowConstraints();
        r0.setMinHeight(TOP_MIN_HEIGHT);
        r0.setVgrow(Priority.ALWAYS);
        RowConstraints r1 = new RowConstraints();
        r1.setMinHeight(RUNS_MIN_HEIGHT);
        r1.setPrefHeight(RUNS_PREF_HEIGHT);
        r1.setVgrow(Priority.NEVER);
        grid.getColumnConstraints().add(c0);
        grid.getRowConstraints().addAll(r0, r1);
        VBox.setVgrow(grid, Priority.ALWAYS);
        getChildren().addAll(header, noModel, grid);
    }

    private VBox controls() {
        ComboBox<String> layer = new ComboBox<>();
        layer.setId("layerChoice");
        layer.getItems().setAll(vm.layers());
        layer.valueProperty().bindBidirectional(vm.layer());
        Label bitsLabel = new Label();
        bitsLabel.setId("bitsLabel");
        bitsLabel.getStyleClass().add("value-chip");
        bitsLabel.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.t("kmeans.bitsValue", Integer.toString(vm.bits().get()),
                        Integer.toString(1 << vm.bits().get())), vm.bits()));
        Label distinct = new Label();
        distinct.setId("distinctLabel");
        distinct.setTooltip(new javafx.scene.control.Tooltip(vm.settings().describe()));
        distinct.textProperty().bind(Bindings.createStringBinding(() -> distinctText(vm.preview().get()),
                vm.preview()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("previewBusy");
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.computing());
        Label message = new Label();
        message.getStyleClass().add("muted");
        message.textProperty().bind(vm.previewMessage());
        distinct.getStyleClass().add("muted");
        Label layerLabel = new Label(I18n.t("kmeans.layer"));
        Label bitsTitle = new Label(I18n.t("kmeans.bits"));
        layer.setPrefWidth(210);
        Ui.noShrink(layerLabel, layer, bitsTitle, slider, bitsLabel);
        HBox row = new HBox(12, layerLabel, layer, bitsTitle, slider, bitsLabel, busy, message);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, row, distinct);
    }

    static String distinctText(LayerPreview p) {
        if (p == null) {
            return "";
        }
        return I18n.t("kmeans.distinct", Integer.toString(p.distinctValues()),
                String.format(Locale.ROOT, "%.2e", p.mse()), String.format(Locale.ROOT, "%,d", p.weights()),
                String.format(Locale.ROOT, "%.0f", p.millis()));
    }

    private VBox demoBox() {
        Label beforeLabel = new Label(I18n.t("kmeans.demo.before"));
        beforeLabel.getStyleClass().add("muted");
        Label afterLabel = new Label();
        afterLabel.setId("demoAfterLabel");
        afterLabel.getStyleClass().add("muted");
        subscriptions.add(vm.demo().subscribe(d -> showDemo(d, afterLabel)));
        Label note = new Label(I18n.t("kmeans.demo.note"));
        note.getStyleClass().add("muted");
        Label title = new Label(I18n.t("kmeans.demo.title"));
        title.getStyleClass().add("card-title");
        HBox grids = new HBox(14, new VBox(4, beforeLabel, before), new VBox(4, afterLabel, after));
        VBox box = new VBox(8, title, grids, note);
        box.setAlignment(Pos.TOP_LEFT);
        box.getStyleClass().add("demo-box");
        Ui.noShrink(box);
        return box;
    }

    private void showDemo(DemoTensor.Quantized d, Label afterLabel) {
        double range = 0;
        for (float v : d.original()) {
            range = Math.max(range, Math.abs(v));
        }
        before.show(d.original(), range);
        after.show(d.quantized(), range);
        afterLabel.setText(I18n.t("kmeans.demo.after", Integer.toString(vm.bits().get()),
                Integer.toString(d.distinctValues())));
    }

    private VBox runsBox(TabContext ctx) {
        Button quantize = new Button();
        quantize.setId("quantizeButton");
        quantize.getStyleClass().add("accent");
        quantize.textProperty().bind(Bindings.createStringBinding(() -> I18n.t("kmeans.quantize", Integer.toString(vm.bits().get())),
                vm.bits()));
        quantize.setOnAction(e -> ctx.prompts().explain(vm.quantizeAtCurrentBits()));
        Button sweep = new Button(I18n.t("kmeans.sweep"));
        sweep.setId("sweepButton");
        sweep.setOnAction(e -> ctx.prompts().explain(vm.lessonSweep()));
        quantize.disableProperty().bind(vm.job().runningProperty());
        sweep.disableProperty().bind(vm.job().runningProperty());
        Button cancel = new Button(I18n.t("kmeans.cancel"));
        cancel.setId("cancelRuns");
        cancel.disableProperty().bind(vm.job().runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        SubsetChoice subset = new SubsetChoice(vm.subset());
        ProgressBar bar = new ProgressBar(0);
        bar.progressProperty().bind(vm.job().progressProperty());
        Label status = new Label();
        status.setId("runsStatus");
        status.getStyleClass().add("muted");
        status.textProperty().bind(vm.job().messageProperty());
        Label on = new Label(I18n.t("kmeans.on"));
        Ui.noShrink(quantize, sweep, on, subset, cancel);
        bar.setPrefWidth(160);
        Ui.noShrink(bar);
        HBox row = new HBox(8, quantize, sweep, on, subset, cancel, bar, status);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setMinHeight(Region.USE_PREF_SIZE);

        ResultsTable table = new ResultsTable(vm.results());
        TableExport.install(table, () -> ResultsTable.table(vm.results()), ctx.export());
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(8, row, table);
    }


    private Figure histogramFigure() {
        LayerPreview p = vm.preview().get();
        String name = p == null ? "kmeans-histogram" : "kmeans-" + p.layer() + "-" + p.bits() + "bit-histogram";
        return Figure.of(dev.quantlab.app.export.FileNames.slug(name), histogram.chart());
    }

    /** Stops following the view model (the view is replaced after a language switch). */
    void dispose() {
        subscriptions.forEach(javafx.util.Subscription::unsubscribe);
        subscriptions.clear();
    }

    FigureSet figures() {
        List<DataTable> tables = new ArrayList<>();
        tables.add(ResultsTable.table(vm.results()));
        tables.add(demoTable(vm.demo().get(), vm.bits().get()));
        return new FigureSet(List.of(histogramFigure()), tables);
    }

    static DataTable demoTable(DemoTensor.Quantized d, int bits) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < d.original().length; i++) {
            rows.add(List.of(Integer.toString(i / DemoTensor.SIZE), Integer.toString(i % DemoTensor.SIZE),
                    Float.toString(d.original()[i]), Float.toString(d.quantized()[i])));
        }
        return new DataTable("kmeans-demo-5x5-" + bits + "bit", List.of("row", "col", "fp32", "quantized"), rows);
    }

    Slider slider() {
        return slider;
    }

    DemoGrid afterGrid() {
        return after;
    }
}
