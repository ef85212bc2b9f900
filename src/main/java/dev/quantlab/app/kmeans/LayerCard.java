package dev.quantlab.app.kmeans;

import dev.quantlab.app.charts.ChartPane;
import dev.quantlab.app.common.BitSlider;
import dev.quantlab.app.common.Card;
import dev.quantlab.app.common.Ui;
import dev.quantlab.app.export.ExportActions;
import dev.quantlab.app.export.Figure;
import dev.quantlab.app.export.FileNames;
import dev.quantlab.app.i18n.Texts;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/** The "one layer" card: layer and bit-width, the before/after histogram and the lesson's 5x5 demo. */
final class LayerCard {
    /** Tall enough for both histogram panels with their tick labels at 1280x720. */
    static final double CHART_HEIGHT = 380;
    private final LayerViewModel vm;
    private final Texts texts;
    private final WeightHistogramChart histogram;
    private final DemoGrid before = new DemoGrid();
    private final DemoGrid after = new DemoGrid();
    private final ChartPane chart;
    private final Card card;

    LayerCard(LayerViewModel vm, Texts texts, ExportActions export, Consumer<Subscription> keep) {
        this.vm = vm;
        this.texts = texts;
        this.histogram = new WeightHistogramChart(texts);
        this.chart = new ChartPane(this::figure, export);
        keep.accept(vm.preview().subscribe(histogram::show)); // the current preview at once
        chart.setMinHeight(CHART_HEIGHT);
        chart.setPrefHeight(CHART_HEIGHT);
        HBox.setHgrow(chart, Priority.ALWAYS);
        HBox chartAndDemo = new HBox(14, chart, demoBox(keep));
        this.card = new Card(texts.t("kmeans.card.layer"), new VBox(8, controls(keep), chartAndDemo),
                chart.takeExportButton());
    }

    Card node() {
        return card;
    }

    private VBox controls(Consumer<Subscription> keep) {
        ComboBox<String> layer = new ComboBox<>();
        layer.setId("layerChoice");
        layer.getItems().setAll(vm.layers());
        layer.valueProperty().bindBidirectional(vm.layer());
        layer.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty ? null : new Tooltip(item));
            }
        });
        Tooltip layerTip = new Tooltip();
        layerTip.textProperty().bind(layer.valueProperty());
        layer.setTooltip(layerTip);
        layer.setMinWidth(190);
        Slider slider = BitSlider.create("bitsSlider", LayerViewModel.MIN_BITS, LayerViewModel.MAX_BITS, 220,
                vm.bits(), keep);
        Label bitsLabel = new Label();
        bitsLabel.setId("bitsLabel");
        bitsLabel.getStyleClass().add("value-chip");
        bitsLabel.textProperty().bind(Bindings.createStringBinding(() -> texts.t("kmeans.bitsValue",
                Integer.toString(vm.bits().get()), Integer.toString(1 << vm.bits().get())), vm.bits()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("previewBusy");
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.computing());
        Label message = mutedWithTooltip();
        message.textProperty().bind(vm.message());
        Label distinct = mutedWithTooltip();
        distinct.setId("distinctLabel");
        distinct.textProperty().bind(Bindings.createStringBinding(() -> distinctText(texts, vm.preview().get()),
                vm.preview()));
        distinct.getTooltip().textProperty().bind(Bindings.concat(distinct.textProperty(), "\n",
                SettingsText.describe(texts, vm.settings())));
        Label layerLabel = new Label(texts.t("kmeans.layer"));
        Label bitsTitle = new Label(texts.t("kmeans.bits"));
        Ui.noShrink(layerLabel, layer, bitsTitle, slider, bitsLabel);
        HBox layerBox = new HBox(8, layerLabel, layer);
        HBox bitsBox = new HBox(8, bitsTitle, slider, bitsLabel, busy);
        layerBox.setAlignment(Pos.CENTER_LEFT);
        bitsBox.setAlignment(Pos.CENTER_LEFT);
        FlowPane row = new FlowPane(16, 6, layerBox, bitsBox, message);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, row, distinct);
    }

    /** A muted label whose full text is in its tooltip (it may be cut at a narrow window). */
    static Label mutedWithTooltip() {
        Label l = new Label();
        l.getStyleClass().add("muted");
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(l.textProperty());
        l.setTooltip(tip);
        return l;
    }

    static String distinctText(Texts texts, LayerPreview p) {
        if (p == null) {
            return "";
        }
        return texts.t("kmeans.distinct", Integer.toString(p.distinctValues()),
                String.format(Locale.ROOT, "%.2e", p.mse()), String.format(Locale.ROOT, "%,d", p.weights()),
                String.format(Locale.ROOT, "%.0f", p.millis()));
    }

    private VBox demoBox(Consumer<Subscription> keep) {
        Label beforeLabel = new Label(texts.t("kmeans.demo.before"));
        beforeLabel.getStyleClass().add("muted");
        Label afterLabel = new Label();
        afterLabel.setId("demoAfterLabel");
        afterLabel.getStyleClass().add("muted");
        keep.accept(vm.demo().subscribe(d -> showDemo(d, afterLabel)));
        Label note = new Label(texts.t("kmeans.demo.note"));
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        note.setMaxWidth(260);
        Label title = new Label(texts.t("kmeans.demo.title"));
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
        afterLabel.setText(texts.t("kmeans.demo.after", Integer.toString(vm.bits().get()),
                Integer.toString(d.distinctValues())));
    }

    Figure figure() {
        LayerPreview p = vm.preview().get();
        String name = p == null ? "kmeans-histogram" : "kmeans-" + p.layer() + "-" + p.bits() + "bit-histogram";
        return Figure.of(FileNames.slug(name), histogram.chart());
    }

    List<Figure> figures() {
        return List.of(figure());
    }
}
