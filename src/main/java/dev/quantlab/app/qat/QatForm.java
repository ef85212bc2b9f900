package dev.quantlab.app.qat;

import dev.quantlab.app.common.ChoiceNames;
import dev.quantlab.app.common.Prompts;
import dev.quantlab.app.common.SubsetChoice;
import dev.quantlab.app.common.Ui;
import dev.quantlab.app.i18n.Texts;
import dev.quantlab.kmeans.qat.UpdateRule;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The run's settings (spinners take typed values), Start / Stop, the job's progress, the time estimate and, while a
 * run goes, its overall progress and time left; everything bound to the view model.
 */
final class QatForm extends VBox {
    private final QatChoices choices;
    private final ObjectProperty<Integer> bits;
    private final ObjectProperty<Integer> epochs;
    private final Spinner<Integer> bitsSpinner = new Spinner<>(QatSettings.MIN_BITS, QatSettings.MAX_BITS, 2);
    private final Spinner<Integer> epochSpinner = new Spinner<>(1, QatSettings.MAX_EPOCHS, 1);
    private final Spinner<Double> thresholdSpinner = new Spinner<>(0.0, 10.0, 0.5, 0.1);
    private final ComboBox<UpdateRule> rule = new ComboBox<>();
    private final ComboBox<Double> fraction = new ComboBox<>();
    private final ComboBox<Integer> batch = new ComboBox<>();
    private final SubsetChoice subset;
    private final StringProperty typed = new SimpleStringProperty("");

    QatForm(QatViewModel vm, Texts texts, Prompts prompts) {
        this.choices = vm.choices();
        this.bits = choices.bits().asObject();
        this.epochs = choices.epochs().asObject();
        this.subset = new SubsetChoice(texts, choices.subset());
        Consumer<String> problem = typed::set;
        TypedSpinner.integers(bitsSpinner, QatSettings.MIN_BITS, QatSettings.MAX_BITS,
                text -> texts.t("qat.typed.bits", text, QatSettings.MIN_BITS, QatSettings.MAX_BITS), problem);
        TypedSpinner.integers(epochSpinner, 1, QatSettings.MAX_EPOCHS,
                text -> texts.t("qat.typed.epochs", text, QatSettings.MAX_EPOCHS), problem);
        TypedSpinner.decimals(thresholdSpinner, 0, 10, text -> texts.t("qat.typed.threshold", text), problem);
        bitsSpinner.setId("qatBits");
        bitsSpinner.getValueFactory().valueProperty().bindBidirectional(bits);
        epochSpinner.setId("qatEpochs");
        epochSpinner.getValueFactory().valueProperty().bindBidirectional(epochs);
        thresholdSpinner.setId("qatThreshold");
        thresholdSpinner.getValueFactory().valueProperty().bindBidirectional(choices.threshold());
        rule.setId("qatRule");
        rule.getItems().setAll(UpdateRule.MEAN, UpdateRule.GRADIENT);
        rule.setConverter(ChoiceNames.of(r -> QatTexts.ruleName(r, texts)));
        rule.valueProperty().bindBidirectional(choices.rule());
        fraction.setId("qatFraction");
        fraction.getItems().setAll(QatSettings.FRACTIONS);
        fraction.setConverter(ChoiceNames.of(QatTexts::percent));
        fraction.valueProperty().bindBidirectional(choices.fraction());
        batch.setId("qatBatch");
        batch.getItems().setAll(QatSettings.BATCH_SIZES);
        batch.valueProperty().bindBidirectional(choices.batchSize());
        keepChosenValueListed(fraction);
        keepChosenValueListed(batch);
        subset.setId("qatSubset");
        for (Spinner<?> s : List.of(bitsSpinner, epochSpinner, thresholdSpinner)) {
            s.setPrefWidth(78);
        }
        rule.setTooltip(new Tooltip(texts.t("qat.form.rule.tip")));
        fraction.setTooltip(new Tooltip(texts.t("qat.form.fraction.tip")));
        batch.setTooltip(new Tooltip(texts.t("qat.form.batch.tip")));
        bitsSpinner.setTooltip(new Tooltip(texts.t("qat.form.bits.tip", QatSettings.MIN_BITS, QatSettings.MAX_BITS)));
        epochSpinner.setTooltip(new Tooltip(texts.t("qat.form.epochs.tip", QatSettings.MAX_EPOCHS)));
        thresholdSpinner.setTooltip(new Tooltip(texts.t("qat.form.threshold.tip")));
        setSpacing(8);
        getChildren().addAll(fields(texts), actions(vm, texts, prompts), time(vm));
    }

    private FlowPane fields(Texts texts) {
        Label typedProblem = problemLabel("qatTypedProblem", typed);
        FlowPane pane = new FlowPane(16, 8, field(texts, "qat.form.bits", bitsSpinner),
                field(texts, "qat.form.rule", rule), field(texts, "qat.form.epochs", epochSpinner),
                field(texts, "qat.form.fraction", fraction), field(texts, "qat.form.batch", batch),
                field(texts, "qat.form.subset", subset), field(texts, "qat.form.threshold", thresholdSpinner),
                typedProblem);
        pane.setAlignment(Pos.CENTER_LEFT);
        return pane;
    }

    private static HBox field(Texts texts, String key, Node control) {
        Label l = new Label(texts.t(key));
        l.setLabelFor(control);
        Ui.noShrink(l);
        HBox box = new HBox(6, l, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static HBox actions(QatViewModel vm, Texts texts, Prompts prompts) {
        Button start = new Button(texts.t("qat.start"));
        start.setId("qatStart");
        start.getStyleClass().add("accent");
        start.disableProperty().bind(vm.job().runningProperty());
        start.setOnAction(e -> prompts.explain(vm.start()));
        Button stop = new Button(texts.t("qat.stop"));
        stop.setId("qatStop");
        stop.disableProperty().bind(vm.job().runningProperty().not());
        stop.setOnAction(e -> vm.stop());
        ProgressBar bar = new ProgressBar(0);
        bar.setPrefWidth(120);
        bar.progressProperty().bind(vm.job().progressProperty());
        bar.visibleProperty().bind(vm.job().runningProperty());
        bar.setTooltip(new Tooltip(texts.t("qat.progress.phase.tip")));
        Label status = truncatable(new Label(), vm.job().messageProperty());
        status.setId("qatStatus");
        status.getStyleClass().add("muted");
        Label problems = problemLabel("qatProblems", vm.problems());
        Ui.noShrink(start, stop, bar);
        HBox row = new HBox(8, start, stop, bar, status, problems);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** The estimate before Start; the overall progress and time left while a run goes. */
    private static HBox time(QatViewModel vm) {
        ProgressBar overall = new ProgressBar(0);
        overall.setId("qatOverall");
        overall.setPrefWidth(220);
        overall.progressProperty().bind(vm.time().overall());
        overall.visibleProperty().bind(vm.job().runningProperty());
        overall.managedProperty().bind(vm.job().runningProperty());
        Label text = truncatable(new Label(), vm.time().text());
        text.setId("qatTime");
        Ui.noShrink(overall);
        HBox row = new HBox(8, overall, text);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** A long label: it takes the free width, wraps where that is too narrow, and its tooltip holds its whole text. */
    private static Label truncatable(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(text);
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        label.setTooltip(tip);
        label.setMinWidth(0);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(label, Priority.ALWAYS);
        return label;
    }

    private static Label problemLabel(String id, ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.setStyle("-fx-text-fill: #b91c1c;");
        l.setWrapText(true);
        l.textProperty().bind(text);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        return l;
    }

    /** A value set in code (tests, settings) that is not one of the choices is added, so that it shows. */
    private static <T> void keepChosenValueListed(ComboBox<T> box) {
        Consumer<T> add = v -> {
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
        thresholdSpinner.getValueFactory().valueProperty().unbindBidirectional(choices.threshold());
        rule.valueProperty().unbindBidirectional(choices.rule());
        fraction.valueProperty().unbindBidirectional(choices.fraction());
        batch.valueProperty().unbindBidirectional(choices.batchSize());
        subset.valueProperty().unbindBidirectional(choices.subset());
    }
}
