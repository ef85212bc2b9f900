package dev.quantlab.app.linear;

import dev.quantlab.app.charts.TableExport;
import dev.quantlab.app.common.Banner;
import dev.quantlab.app.common.RunsTable;
import dev.quantlab.app.common.SubsetChoice;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.Ui;
import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.services.DatasetService;
import dev.quantlab.app.services.RangeMethod;
import dev.quantlab.app.services.LinearRun;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * The Linear tab's run controls: calibration (how many training images), the integer model's accuracy on a
 * test subset at the chosen bits (a job with progress and cancel), and the table of finished runs.
 */
final class AccuracyPanel extends VBox {
    /** Calibration sizes offered; the lesson uses 512. */
    static final List<Integer> CALIBRATION_CHOICES = List.of(64, 128, 256, 512, 1024);

    /** Listeners on the view model, removed by {@link #dispose()}. */
    private Subscription subscriptions = Subscription.EMPTY;

    private final Texts texts;
    private Runnable methodBinding = () -> { };

    AccuracyPanel(LinearViewModel vm, TabContext ctx, Texts texts) {
        super(8);
        this.texts = texts;
        Banner noData = new Banner(new SimpleStringProperty(texts.t("linear.data.missing")),
                ctx.services().data().status().isNotEqualTo(DatasetService.Status.AVAILABLE),
                texts.t("linear.data.get"), ctx.prompts()::needData);

        ComboBox<Integer> images = new ComboBox<>();
        images.setId("calibrationImages");
        images.getItems().setAll(CALIBRATION_CHOICES);
        images.valueProperty().addListener((o, a, v) -> {
            if (v != null) {
                vm.calibrationImages().set(v);
            }
        });
        subscriptions = vm.calibrationImages().subscribe((a, v) -> {
            if (!images.getItems().contains(v.intValue())) {
                images.getItems().add(0, v.intValue());
            }
            images.setValue(v.intValue());
        });
        images.setValue(vm.calibrationImages().get());
        images.setTooltip(new Tooltip(texts.t("linear.calibrate.tooltip")));
        Button calibrate = new Button(texts.t("linear.calibrate.button"));
        calibrate.setId("calibrateButton");
        calibrate.setOnAction(e -> ctx.prompts().explain(vm.calibrate()));
        Label calibrated = new Label();
        calibrated.setId("calibrationStatus");
        calibrated.getStyleClass().add("muted");
        calibrated.textProperty().bind(Bindings.createStringBinding(() -> vm.calibration().get() == null
                ? texts.t("linear.calibrate.none") : texts.t("linear.calibrate.have", vm.calibration().get().images(),
                        texts.t(vm.calibration().get().method().key())),
                vm.calibration()));
        Label imagesLabel = new Label(texts.t("linear.calibrate.label"));
        ComboBox<RangeMethod> method = new ComboBox<>();
        method.setId("rangeMethod");
        method.getItems().setAll(RangeMethod.values());
        method.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(RangeMethod m) {
                return m == null ? "" : texts.t(m.key());
            }

            @Override
            public RangeMethod fromString(String s) {
                return null;
            }
        });
        method.valueProperty().bindBidirectional(vm.rangeMethod());
        methodBinding = () -> method.valueProperty().unbindBidirectional(vm.rangeMethod());
        method.setTooltip(new Tooltip(texts.t("linear.method.tooltip")));
        Ui.noShrink(imagesLabel, images, method, calibrate);
        FlowPane calibration = new FlowPane(8, 6, imagesLabel, images, method, calibrate, calibrated);
        calibration.setAlignment(Pos.CENTER_LEFT);

        Button evaluate = new Button();
        evaluate.setId("linearEvaluate");
        evaluate.getStyleClass().add("accent");
        evaluate.textProperty().bind(Bindings.createStringBinding(() -> texts.t("linear.eval.button",
                LinearRun.modelName(texts, vm.config())), vm.bits(), vm.activationsFollowBits()));
        evaluate.setOnAction(e -> ctx.prompts().explain(vm.evaluate()));
        Button cancel = new Button(texts.t("linear.eval.cancel"));
        cancel.setId("linearCancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.job().runningProperty().not());
        evaluate.disableProperty().bind(vm.job().runningProperty());
        calibrate.disableProperty().bind(vm.job().runningProperty());
        SubsetChoice subset = new SubsetChoice(texts, vm.subset());
        subset.setId("linearSubset");
        CheckBox sameBits = new CheckBox(texts.t("linear.eval.sameBits"));
        sameBits.setId("activationsFollowBits");
        sameBits.selectedProperty().bindBidirectional(vm.activationsFollowBits());
        Button everyMethod = new Button(texts.t("linear.eval.everyMethod.button"));
        everyMethod.setId("linearEveryMethod");
        everyMethod.setTooltip(new Tooltip(texts.t("linear.eval.everyMethod.tooltip")));
        everyMethod.setOnAction(e -> ctx.prompts().explain(vm.evaluateEveryMethod()));
        everyMethod.disableProperty().bind(vm.job().runningProperty());
        Label on = new Label(texts.t("linear.eval.on"));
        Ui.noShrink(evaluate, on, subset, cancel, sameBits, everyMethod);
        FlowPane run = new FlowPane(8, 6, evaluate, on, subset, cancel, sameBits, everyMethod);
        run.setAlignment(Pos.CENTER_LEFT);

        ProgressBar bar = new ProgressBar(0);
        bar.progressProperty().bind(vm.job().progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        Label status = new Label();
        status.setId("linearStatus");
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        status.textProperty().bind(vm.job().messageProperty());

        RunsTable table = new RunsTable(vm.runs(), texts, "linear.runs.empty");
        table.setId("linearRuns");
        table.setMinHeight(90);
        TableExport.install(table, () -> RunsTable.table("linear-runs", vm.runs()), ctx.export());
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(noData, calibration, run, bar, status, table);
    }


    /** Detaches from the view model (the view is being replaced). */
    void dispose() {
        subscriptions.unsubscribe();
        methodBinding.run();
    }
}
