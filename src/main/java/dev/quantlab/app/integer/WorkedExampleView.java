package dev.quantlab.app.integer;

import dev.quantlab.app.common.ChoiceNames;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.Ui;
import dev.quantlab.app.i18n.Texts;
import dev.quantlab.data.CifarClasses;
import java.util.stream.IntStream;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * One conv output element worked out step by step: pickers for the layer, output channel, position and test
 * image; the steps (numbers from the library, checked against the model's own output); the first input
 * channel's 3x3 window and the matching weights.
 */
final class WorkedExampleView extends VBox {
    private final Texts texts;
    private final ExampleSteps steps;
    private final WindowGrid inputGrid = new WindowGrid("inputWindow");
    private final WindowGrid weightGrid = new WindowGrid("weightWindow");
    /** Listeners on the view model, removed by {@link #dispose()} when the view is rebuilt. */
    private Subscription subscriptions = Subscription.EMPTY;

    WorkedExampleView(IntegerViewModel vm, TabContext ctx, Texts texts) {
        super(8);
        this.texts = texts;
        this.steps = new ExampleSteps(texts);
        ComboBox<Integer> layer = ChoiceNames.box("exampleLayer",
                IntStream.range(0, vm.shapes().size()).boxed().toList(), i -> {
                    WorkedExamples.ConvShape s = vm.shapes().get(i);
                    return texts.t("integer.example.layerItem", i, s.outChannels(), s.size());
                });
        layer.setValue(vm.layer().get());
        layer.valueProperty().addListener((o, a, v) -> vm.layer().set(v));
        Spinner<Integer> oc = spinner("exampleOc", vm.oc(), vm.shape().outChannels() - 1);
        Spinner<Integer> y = spinner("exampleY", vm.y(), vm.shape().size() - 1);
        Spinner<Integer> x = spinner("exampleX", vm.x(), vm.shape().size() - 1);
        Spinner<Integer> image = spinner("exampleImage", vm.image(), 9_999);
        subscriptions = subscriptions.and(vm.layer().subscribe((a, v) -> {
            layer.setValue(v.intValue());
            max(oc, vm.shape().outChannels() - 1);
            max(y, vm.shape().size() - 1);
            max(x, vm.shape().size() - 1);
        }));
        Button prepare = new Button(texts.t("integer.example.prepare"));
        prepare.setId("examplePrepare");
        prepare.setOnAction(e -> ctx.prompts().explain(vm.prepare()));
        prepare.visibleProperty().bind(vm.calibration().isNull());
        prepare.managedProperty().bind(prepare.visibleProperty());
        prepare.disableProperty().bind(vm.job().runningProperty());
        FlowPane pickers = new FlowPane(8, 6, label("integer.example.layer"), layer, label("integer.example.oc"), oc,
                label("integer.example.y"), y, label("integer.example.x"), x, label("integer.example.image"), image,
                prepare);
        pickers.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("exampleMessage");
        message.getStyleClass().add("muted");
        message.setWrapText(true);
        message.textProperty().bind(Bindings.createStringBinding(() -> header(vm), vm.exampleMessage(),
                vm.example()));

        Label inTitle = small(texts.t("integer.example.inputGrid"));
        Label wTitle = small(texts.t("integer.example.weightGrid"));
        VBox grids = new VBox(4, inTitle, inputGrid, wTitle, weightGrid);
        Ui.noShrink(grids);
        HBox.setHgrow(steps, Priority.ALWAYS);
        HBox body = new HBox(18, steps, grids);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setStyle("-fx-background-color: transparent; -fx-background: white;");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(pickers, message, scroll);
        subscriptions = subscriptions.and(vm.example().subscribe((a, w) -> show(w)));
        show(vm.example().get());
    }

    private String header(IntegerViewModel vm) {
        WorkedExample w = vm.example().get();
        if (w == null) {
            return vm.exampleMessage().get();
        }
        return texts.t("integer.example.header", w.key().image(), CifarClasses.NAMES.get(w.label()), w.key().layer(),
                w.key().oc(), w.key().y(), w.key().x()) + "  " + vm.exampleMessage().get();
    }

    private void show(WorkedExample w) {
        steps.show(w);
        if (w == null) {
            inputGrid.show(null, null);
            weightGrid.show(null, null);
        } else {
            inputGrid.show(w.steps().inputWindow(), w.steps().padding());
            weightGrid.show(w.steps().weightWindow(), null);
        }
    }

    private Spinner<Integer> spinner(String id, IntegerProperty value, int max) {
        Spinner<Integer> s = new Spinner<>(0, max, value.get());
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(id.equals("exampleImage") ? 86 : 72);
        s.valueProperty().addListener((o, a, v) -> {
            if (v != null) {
                value.set(v);
            }
        });
        subscriptions = subscriptions.and(
                value.subscribe((a, v) -> s.getValueFactory().setValue(v.intValue())));
        return s;
    }

    private static void max(Spinner<Integer> s, int max) {
        ((SpinnerValueFactory.IntegerSpinnerValueFactory) s.getValueFactory()).setMax(max);
    }

    private Label label(String key) {
        Label l = new Label(texts.t(key));
        Ui.noShrink(l);
        return l;
    }

    private static Label small(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        return l;
    }

    ExampleSteps steps() {
        return steps;
    }

    WindowGrid inputGrid() {
        return inputGrid;
    }

    /** Detaches from the view model (the view is being replaced after a language switch). */
    void dispose() {
        subscriptions.unsubscribe();
    }
}
