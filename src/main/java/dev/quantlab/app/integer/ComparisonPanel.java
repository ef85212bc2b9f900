package dev.quantlab.app.integer;

import dev.quantlab.app.common.ChoiceNames;
import dev.quantlab.app.common.SubsetChoice;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.Ui;
import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.services.IntegerRuns;
import dev.quantlab.app.services.Numbers;
import dev.quantlab.eval.EvalResult;
import dev.quantlab.linear.RequantMode;
import dev.quantlab.linear.WeightGranularity;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * Options and outcome of an integer run: requantization and weight granularity, calibration size and test
 * subset, run / cancel with progress ({@link #controls()}), and fp32 versus integer: accuracy, sizes, throughput
 * and latency ({@link #results()}).
 */
final class ComparisonPanel {
    private final Label[][] cells = new Label[5][2];
    private final VBox controls = new VBox(8);
    private final GridPane results;
    /** Listeners on the view model, removed by {@link #dispose()} when the view is rebuilt. */
    private Subscription subscriptions = Subscription.EMPTY;

    private final Texts texts;

    ComparisonPanel(IntegerViewModel vm, TabContext ctx, Texts texts) {
        this.texts = texts;
        ComboBox<RequantMode> requant = choice(texts, "requantChoice", List.of(RequantMode.values()), "integer.requant.");
        requant.valueProperty().bindBidirectional(vm.requantMode());
        ComboBox<WeightGranularity> granularity = choice(texts, "granularityChoice", List.of(WeightGranularity.values()),
                "integer.granularity.");
        granularity.valueProperty().bindBidirectional(vm.granularity());
        ComboBox<Integer> calibration = new ComboBox<>();
        calibration.setId("integerCalibration");
        calibration.getItems().setAll(64, 128, 256, 512, 1024);
        calibration.setValue(vm.calibrationImages().get());
        calibration.valueProperty().addListener((o, a, v) -> vm.calibrationImages().set(v));
        subscriptions = subscriptions.and(vm.calibrationImages().subscribe((a, v) -> {
            if (!calibration.getItems().contains(v.intValue())) {
                calibration.getItems().add(0, v.intValue());
            }
            calibration.setValue(v.intValue());
        }));
        SubsetChoice subset = new SubsetChoice(texts, vm.subset());
        subset.setId("integerSubset");
        GridPane options = new GridPane();
        options.setHgap(8);
        options.setVgap(6);
        options.addRow(0, new Label(texts.t("integer.requant.label")), requant);
        options.addRow(1, new Label(texts.t("integer.granularity.label")), granularity);
        options.addRow(2, new Label(texts.t("integer.calibration.label")), calibration);
        options.addRow(3, new Label(texts.t("integer.run.on")), subset);
        for (ComboBox<?> box : List.of(requant, granularity, calibration, subset)) {
            box.setMaxWidth(Double.MAX_VALUE);
        }
        options.getChildren().forEach(n -> Ui.noShrink((javafx.scene.layout.Region) n));

        Button run = new Button(texts.t("integer.run.button"));
        run.setId("integerRun");
        run.getStyleClass().add("accent");
        run.setOnAction(e -> ctx.prompts().explain(vm.run()));
        run.disableProperty().bind(vm.job().runningProperty());
        Button cancel = new Button(texts.t("integer.run.cancel"));
        cancel.setId("integerCancel");
        cancel.disableProperty().bind(vm.job().runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar bar = new ProgressBar(0);
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Ui.noShrink(run, cancel);
        HBox buttons = new HBox(8, run, cancel, bar);
        buttons.setAlignment(Pos.CENTER_LEFT);
        bar.progressProperty().bind(vm.job().progressProperty());
        Label status = new Label();
        status.setId("integerStatus");
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        status.textProperty().bind(vm.job().messageProperty());

        controls.getChildren().addAll(options, buttons, status);
        results = resultsGrid();
        subscriptions = subscriptions.and(vm.comparison().subscribe((a, c) -> show(c)));
        show(vm.comparison().get());
    }

    /** Options, run / cancel, progress. */
    VBox controls() {
        return controls;
    }

    /** fp32 versus integer, row by row. */
    GridPane results() {
        return results;
    }

    private GridPane resultsGrid() {
        GridPane g = new GridPane();
        g.setId("integerResults");
        g.setHgap(14);
        g.setVgap(5);
        g.add(header(""), 0, 0);
        g.add(header(texts.t("integer.result.fp32")), 1, 0);
        g.add(header(texts.t("integer.result.integer")), 2, 0);
        String[] rows = {"integer.result.accuracy", "integer.result.lessonSize", "integer.result.storedSize",
            "integer.result.throughput", "integer.result.latency"};
        for (int r = 0; r < rows.length; r++) {
            Label name = new Label(texts.t(rows[r]));
            Ui.noShrink(name);
            g.add(name, 0, r + 1);
            for (int c = 0; c < 2; c++) {
                Label v = new Label();
                v.setId("result-" + r + "-" + c);
                v.setStyle("-fx-font-family: 'DejaVu Sans Mono', monospace;");
                cells[r][c] = v;
                Ui.noShrink(v);
                g.add(v, c + 1, r + 1);
            }
        }
        cells[0][0].getStyleClass().add("card-figure");
        cells[0][1].getStyleClass().add("card-figure");
        return g;
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        return l;
    }

    private void show(Comparison c) {
        double fp32Mib = IntegerRuns.fp32Mib();
        set(1, Numbers.fixed(fp32Mib, 2) + " MiB", Numbers.fixed(c == null ? IntegerRuns.int8Mib()
                : c.run().lessonMib(), 2) + " MiB");
        set(2, Numbers.fixed(fp32Mib, 2) + " MiB", c == null ? Numbers.NONE
                : Numbers.fixed(c.run().storedMib(), 2) + " MiB");
        if (c == null) {
            set(0, Numbers.NONE, Numbers.NONE);
            set(3, Numbers.NONE, Numbers.NONE);
            set(4, Numbers.NONE, Numbers.NONE);
            return;
        }
        set(0, Numbers.percent(c.fp32().accuracyPercent()), Numbers.percent(c.integer().accuracyPercent()));
        set(3, speed(c.fp32()), speed(c.integer()));
        set(4, Numbers.fixed(Comparison.latencyMs(c.fp32()), 1) + " ms",
                Numbers.fixed(Comparison.latencyMs(c.integer()), 1) + " ms");
    }

    private static String speed(EvalResult r) {
        return Numbers.fixed(r.imagesPerSecond(), 1) + " img/s";
    }

    private void set(int row, String fp32, String integer) {
        cells[row][0].setText(fp32);
        cells[row][1].setText(integer);
    }

    /** A combo box of enum values shown through {@code <prefix><name in lower case>} texts. */
    static <E extends Enum<E>> ComboBox<E> choice(Texts texts, String id, List<E> values, String prefix) {
        return ChoiceNames.box(id, values, e -> texts.t(prefix + e.name().toLowerCase(java.util.Locale.ROOT)));
    }


    /** Detaches from the view model (the view is being replaced after a language switch). */
    void dispose() {
        subscriptions.unsubscribe();
    }
}
