package dev.quantlab.app.kmeans;

import dev.quantlab.app.common.Card;
import dev.quantlab.app.common.Prompts;
import dev.quantlab.app.common.Spinners;
import dev.quantlab.app.common.Ui;
import dev.quantlab.app.export.DataTable;
import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.jobs.JobStart;
import dev.quantlab.mixed.MixedPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Subscription;

/**
 * The sensitivity heat map: one row per layer (with its share of the model size), one column per bit-width, each
 * cell the accuracy drop when only that layer is k-means-quantized at that width. Darker red: larger drop (square
 * root scale up to the largest drop, so small drops still show); a dash: not measured yet.
 */
final class SensitivityCard {
    private static final Color HOT = Color.web("#C62828");
    private final SensitivityViewModel vm;
    private final Texts texts;
    private final GridPane heat = new GridPane();
    private final Card card;

    /**
     * @param quantizeChosen runs the widths chosen under the budget through the whole-model runs
     * @param runsBusy       whether a whole-model run is going on (the button waits for it)
     */
    SensitivityCard(SensitivityViewModel vm, Texts texts, Prompts prompts, Consumer<Subscription> keep,
                    Supplier<JobStart> quantizeChosen, ObservableBooleanValue runsBusy) {
        this.vm = vm;
        this.texts = texts;
        heat.setId("sensitivityHeatMap");
        heat.setHgap(2);
        heat.setVgap(2);
        Button measure = new Button();
        measure.setId("measureSensitivity");
        measure.textProperty().bind(Bindings.createStringBinding(() -> texts.t("kmeans.sens.measure",
                Integer.toString(vm.grid().get().missing())), vm.grid()));
        measure.disableProperty().bind(vm.job().runningProperty()
                .or(Bindings.createBooleanBinding(() -> vm.grid().get().missing() == 0, vm.grid())));
        measure.setOnAction(e -> prompts.explain(vm.measureMissing()));
        Button cancel = new Button(texts.t("kmeans.cancel"));
        cancel.setId("cancelSensitivity");
        cancel.disableProperty().bind(vm.job().runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar bar = new ProgressBar(0);
        bar.setPrefWidth(160);
        bar.progressProperty().bind(vm.job().progressProperty());
        Label status = LayerCard.mutedWithTooltip();
        status.setId("sensitivityStatus");
        status.textProperty().bind(vm.job().messageProperty());
        status.setWrapText(true);
        Ui.noShrink(measure, cancel, bar);
        FlowPane row = new FlowPane(8, 6, measure, cancel, bar);
        row.setAlignment(Pos.CENTER_LEFT);
        Label note = new Label(texts.t("kmeans.sens.note", String.format(Locale.ROOT, "%,d",
                SensitivityViewModel.IMAGES), vm.cacheFile().toString()));
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        keep.accept(vm.grid().subscribe(this::show));
        keep.accept(vm.plan().subscribe(p -> show(vm.grid().get())));
        this.card = new Card(texts.t("kmeans.card.sensitivity"), new VBox(8, note, row, status, heat,
                budgetRow(prompts, quantizeChosen, runsBusy), choiceText()));
    }

    Card node() {
        return card;
    }

    /** "Size budget [2.22] MiB  [Choose widths]  [Quantize with these widths]". */
    private FlowPane budgetRow(Prompts prompts, Supplier<JobStart> quantizeChosen, ObservableBooleanValue runsBusy) {
        Label label = new Label(texts.t("kmeans.budget.label"));
        Spinner<Double> budget = Spinners.decimal(texts, SensitivityViewModel.MIN_BUDGET_MIB,
                SensitivityViewModel.MAX_BUDGET_MIB, 0.1, vm.budgetMib());
        budget.setId("budgetMib");
        budget.setPrefWidth(100);
        label.setLabelFor(budget);
        Label unit = new Label("MiB");
        Button choose = new Button(texts.t("kmeans.budget.choose"));
        choose.setId("chooseWidths");
        choose.setTooltip(new Tooltip(texts.t("kmeans.budget.choose.tip")));
        choose.setOnAction(e -> vm.choose());
        Button quantize = new Button(texts.t("kmeans.budget.quantize"));
        quantize.setId("quantizeChosen");
        quantize.setTooltip(new Tooltip(texts.t("kmeans.budget.quantize.tip")));
        quantize.disableProperty().bind(vm.plan().isNull().or(runsBusy));
        quantize.setOnAction(e -> prompts.explain(quantizeChosen.get()));
        Ui.noShrink(label, unit, choose, quantize);
        FlowPane row = new FlowPane(8, 6, label, budget, unit, choose, quantize);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** What the last choice gave: the widths, their size and the predicted drop, or why there are none. */
    private Label choiceText() {
        Label text = new Label();
        text.setId("budgetChoice");
        text.setWrapText(true);
        text.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.choice().get()) {
            case NOT_CHOSEN -> texts.t("kmeans.budget.none");
            case CELLS_MISSING -> texts.t("kmeans.budget.missing");
            case NOTHING_FITS -> texts.t("kmeans.budget.nothingFits", mib(vm.budgetMib().get()));
            case CHOSEN -> {
                MixedPlan p = vm.plan().get();
                yield p == null ? "" : texts.t("kmeans.budget.chosen", p.describe(), mib(p.sizeMib()),
                        String.format(Locale.ROOT, "%.2f", p.predictedDrop()));
            }
        }, vm.choice(), vm.plan()));
        return text;
    }

    private static String mib(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private void show(SensitivityGrid g) {
        heat.getChildren().clear();
        heat.add(header(texts.t("kmeans.sens.layer"), null), 0, 0);
        heat.add(header(texts.t("kmeans.sens.share"), texts.t("kmeans.sens.share.tooltip")), 1, 0);
        for (int j = 0; j < g.bits().size(); j++) {
            heat.add(header(texts.t("kmeans.results.bits", Integer.toString(g.bits().get(j))), null), 2 + j, 0);
        }
        double max = Math.max(g.maxDrop(), 1);
        for (int i = 0; i < g.layers().size(); i++) {
            String layer = g.layers().get(i);
            Label name = new Label(WeightHistogramChart.shortName(layer));
            name.setTooltip(new Tooltip(layer));
            heat.add(name, 0, i + 1);
            double pct = 100 * SensitivityGrid.share(layer);
            Label share = new Label(String.format(Locale.ROOT, pct < 1 ? "%.2f%%" : "%.1f%%", pct));
            share.getStyleClass().add("numeric");
            heat.add(share, 1, i + 1);
            for (int j = 0; j < g.bits().size(); j++) {
                heat.add(cell(g, layer, g.bits().get(j), max), 2 + j, i + 1);
            }
        }
    }

    private static Label header(String text, String tooltip) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        if (tooltip != null) {
            l.setTooltip(new Tooltip(tooltip));
        }
        return l;
    }

    private Label cell(SensitivityGrid g, String layer, int bits, double max) {
        double drop = g.drop(layer, bits);
        Label c = new Label(Double.isNaN(drop) ? "–" : String.format(Locale.ROOT, "%.1f", drop));
        c.setId("sens-" + WeightHistogramChart.shortName(layer) + "-" + bits);
        c.setMinWidth(52);
        c.setPrefHeight(24);
        c.setAlignment(Pos.CENTER);
        double t = Double.isNaN(drop) ? 0 : Math.sqrt(Math.max(0, Math.min(1, drop / max)));
        Color bg = Double.isNaN(drop) ? Color.web("#F2F3F5") : Color.WHITE.interpolate(HOT, t);
        MixedPlan p = vm.plan().get();
        boolean chosen = p != null && Integer.valueOf(bits).equals(p.bits().get(layer));
        c.setStyle(String.format(Locale.ROOT, "-fx-background-color: %s; -fx-text-fill: %s;%s", web(bg),
                t > 0.6 ? "white" : "#222222", chosen
                        ? " -fx-border-color: #1565C0; -fx-border-width: 3; -fx-font-weight: bold;" : ""));
        if (chosen) {
            c.getStyleClass().add("chosen-width");
        }
        c.setTooltip(new Tooltip(Double.isNaN(drop) ? texts.t("kmeans.sens.cell.missing", layer,
                Integer.toString(bits)) : texts.t("kmeans.sens.cell", layer, Integer.toString(bits),
                String.format(Locale.ROOT, "%.2f", drop), String.format(Locale.ROOT, "%.2f", g.fp32() - drop),
                String.format(Locale.ROOT, "%,d", g.images()))));
        return c;
    }

    private static String web(Color c) {
        return String.format(Locale.ROOT, "#%02X%02X%02X", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }

    /** The known cells as a CSV table (drops in points, empty where not measured). */
    static DataTable table(SensitivityGrid g) {
        List<String> head = new ArrayList<>(List.of("layer", "share_of_size"));
        g.bits().forEach(b -> head.add("drop_" + b + "bit_points"));
        List<List<String>> rows = new ArrayList<>();
        for (String layer : g.layers()) {
            List<String> row = new ArrayList<>(List.of(layer, String.format(Locale.ROOT, "%.5f",
                    SensitivityGrid.share(layer))));
            g.bits().forEach(b -> {
                double d = g.drop(layer, b);
                row.add(Double.isNaN(d) ? "" : String.format(Locale.ROOT, "%.2f", d));
            });
            rows.add(row);
        }
        return new DataTable("kmeans-sensitivity-" + g.images() + "images", head, rows);
    }
}
