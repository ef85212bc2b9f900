package dev.quantlab.app.linear;

import dev.quantlab.app.common.ChoiceNames;
import dev.quantlab.app.charts.ChartPane;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.export.Figure;
import dev.quantlab.app.i18n.Texts;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/** The "Activations" details tab: a point picker and its histogram with every calibration method's range. */
final class ActivationsPane extends VBox {
    private final LinearViewModel vm;
    private final ActivationHistogramChart chart;
    private Subscription subscriptions = Subscription.EMPTY;

    ActivationsPane(LinearViewModel vm, TabContext ctx, Texts texts) {
        super(6);
        this.vm = vm;
        this.chart = new ActivationHistogramChart(texts);
        ComboBox<String> point = ChoiceNames.box("activationPoint", ActivationPoints.all(), ActivationPoints::name);
        point.setValue(vm.point().get());
        point.valueProperty().addListener((o, old, p) -> vm.point().set(p));
        ChartPane pane = new ChartPane(this::figure, ctx.export());
        pane.setId("activationHistogram");
        pane.setMinHeight(220);
        VBox.setVgrow(pane, Priority.ALWAYS);
        Label note = new Label(texts.t("linear.activations.note"));
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, new Label(texts.t("linear.activations.point")), point, pane.takeExportButton());
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(row, pane, note);
        for (var o : List.of(vm.calibration(), vm.point(), vm.bits(), vm.activationsFollowBits())) {
            subscriptions = subscriptions.and(o.subscribe(x -> show()));
        }
    }

    private void show() {
        chart.show(vm.calibration().get(), vm.point().get(), vm.activationBits());
    }

    Figure figure() {
        String p = vm.point().get();
        return Figure.of("linear-activations" + (p == null ? "" : "-" + p.replace("backbone.", "").replace('.', '-')),
                chart.chart());
    }

    ActivationHistogramChart chart() {
        return chart;
    }

    void dispose() {
        subscriptions.unsubscribe();
    }
}
