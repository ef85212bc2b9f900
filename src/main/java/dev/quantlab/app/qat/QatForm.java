package dev.quantlab.app.qat;

import dev.quantlab.app.common.SubsetChoice;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.Ui;
import dev.quantlab.app.i18n.I18n;
import dev.quantlab.kmeans.qat.UpdateRule;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The run's settings, Start / Stop, and the job's progress; everything bound to the view model. */
final class QatForm extends VBox {
    private final QatViewModel vm;
    private final ObjectProperty<Integer> bits;
    private final ObjectProperty<Integer> epochs;
    private final Spinner<Integer> bitsSpinner = new Spinner<>(QatSettings.MIN_BITS, QatSettings.MAX_BITS, 2);
    private final Spinner<Integer> epochSpinner = new Spinner<>(1, QatSettings.MAX_EPOCHS, 1);
    private final Spinner<Double> thresholdSpinner = new Spinner<>(0.0, 10.0, 0.5, 0.1);
    private final ComboBox<UpdateRule> rule = new ComboBox<>();
    private final ComboBox<Double> fraction = new ComboBox<>();
    private final ComboBox<Integer> batch = new ComboBox<>();
    private final SubsetChoice subset;

    QatForm(QatViewModel vm, TabContext ctx) {
        this.vm = vm;
        this.bits = vm.bits().asObject();
        this.epochs = vm.epochs().asObject();
        this.subset = new SubsetChoice(vm.subset());
        bitsSpinner.setId("qatBits");
        bitsSpinner.getValueFactory().valueProperty().bindBidirectional(bits);
        epochSpinner.setId("qatEpochs");
        epochSpinner.getValueFactory().valueProperty().bindBidirectional(epochs);
        thresholdSpinner.setId("qatThreshold");
        thresholdSpinner.setEditable(true);
        SpinnerValueFactory<Double> tf = thresholdSpinner.getValueFactory();
        tf.setConverter(decimal());
        tf.valueProperty().bindBidirectional(vm.threshold());
        rule.setId("qatRule");
        rule.getItems().setAll(UpdateRule.MEAN, UpdateRule.GRADIENT);
        rule.setConverter(converter(QatViewModel::ruleName));
        rule.valueProperty().bindBidirectional(vm.rule());
        rule.setTooltip(new Tooltip(I18n.t("qat.form.rule.tip")));
        fraction.setId("qatFraction");
        fraction.getItems().setAll(QatSettings.FRACTIONS);
        fraction.setConverter(converter(QatViewModel::percent));
        fraction.valueProperty().bindBidirectional(vm.fraction());
        fraction.setTooltip(new Tooltip(I18n.t("qat.form.fraction.tip")));
        batch.setId("qatBatch");
        batch.getItems().setAll(QatSettings.BATCH_SIZES);
        batch.valueProperty().bindBidirectional(vm.batchSize());
        keepChosenValueListed(fraction);
        keepChosenValueListed(batch);
        subset.setId("qatSubset");
        for (Spinner<?> s : List.of(bitsSpinner, epochSpinner, thresholdSpinner)) {
            s.setPrefWidth(78);
        }
        thresholdSpinner.setTooltip(new Tooltip(I18n.t("qat.form.threshold.tip")));
        setSpacing(8);
        getChildren().addAll(fields(), actions(ctx));
    }

    private FlowPane fields() {
        FlowPane pane = new FlowPane(16, 8, field("qat.form.bits", bitsSpinner), field("qat.form.rule", rule),
                field("qat.form.epochs", epochSpinner), field("qat.form.fraction", fraction),
                field("qat.form.batch", batch), field("qat.form.subset", subset),
                field("qat.form.threshold", thresholdSpinner));
        pane.setAlignment(Pos.CENTER_LEFT);
        return pane;
    }

    private static HBox field(String key, Node control) {
        Label l = new Label(I18n.t(key));
        l.setLabelFor(control);
        Ui.noShrink(l);
        HBox box = new HBox(6, l, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private HBox actions(TabContext ctx) {
        Button start = new Button(I18n.t("qat.start"));
        start.setId("qatStart");
        start.getStyleClass().add("accent");
        start.setDefaultButton(false);
        start.disableProperty().bind(vm.job().runningProperty());
        start.setOnAction(e -> ctx.prompts().explain(vm.start()));
        Button stop = new Button(I18n.t("qat.stop"));
        stop.setId("qatStop");
        stop.disableProperty().bind(vm.job().runningProperty().not());
        stop.setOnAction(e -> vm.stop());
        ProgressBar bar = new ProgressBar(0);
        bar.setPrefWidth(160);
        bar.progressProperty().bind(vm.job().progressProperty());
        bar.visibleProperty().bind(vm.job().runningProperty());
        Label status = new Label();
        status.setId("qatStatus");
        status.getStyleClass().add("muted");
        status.textProperty().bind(vm.job().messageProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        Label problems = new Label();
        problems.setId("qatProblems");
        problems.setStyle("-fx-text-fill: #b91c1c;");
        problems.textProperty().bind(vm.problems());
        problems.managedProperty().bind(vm.problems().isNotEmpty());
        problems.visibleProperty().bind(vm.problems().isNotEmpty());
        Ui.noShrink(start, stop, bar);
        HBox row = new HBox(8, start, stop, bar, status, problems);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }


    /** A value set in code (tests, settings) that is not one of the choices is added, so that it shows. */
    private static <T> void keepChosenValueListed(ComboBox<T> box) {
        java.util.function.Consumer<T> add = v -> {
            if (v != null && !box.getItems().contains(v)) {
                box.getItems().add(v); // appended: re-ordering here would move the selection
            }
        };
        add.accept(box.getValue());
        box.valueProperty().addListener((o, a, v) -> add.accept(v));
    }

    /** Detaches the controls from the view model. */
    void dispose() {
        bitsSpinner.getValueFactory().valueProperty().unbindBidirectional(bits);
        epochSpinner.getValueFactory().valueProperty().unbindBidirectional(epochs);
        thresholdSpinner.getValueFactory().valueProperty().unbindBidirectional(vm.threshold());
        rule.valueProperty().unbindBidirectional(vm.rule());
        fraction.valueProperty().unbindBidirectional(vm.fraction());
        batch.valueProperty().unbindBidirectional(vm.batchSize());
        subset.valueProperty().unbindBidirectional(vm.subset());
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? "" : text.apply(v);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("choice only");
            }
        };
    }

    private static StringConverter<Double> decimal() {
        return new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : String.format(java.util.Locale.ROOT, "%.2f", v);
            }

            @Override
            public Double fromString(String s) {
                try {
                    return Double.valueOf(s.trim().replace(',', '.'));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        };
    }
}
