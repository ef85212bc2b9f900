package dev.quantlab.app.qat;

import dev.quantlab.app.charts.ChartPane;
import dev.quantlab.app.charts.TableExport;
import dev.quantlab.app.common.Banner;
import dev.quantlab.app.common.Card;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.TabHeader;
import dev.quantlab.app.export.Figure;
import dev.quantlab.app.export.FigureSet;
import dev.quantlab.app.i18n.I18n;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

/**
 * The QAT tab's layout: settings and Start/Stop on top, three live charts (loss per step, accuracy per epoch
 * with the fp32 and threshold lines, centroid trajectories of one layer), then the log and the finished runs.
 */
final class QatView extends VBox {
    private static final double CHART_MIN_HEIGHT = 250;
    private static final double BOTTOM_HEIGHT = 200;
    private final QatViewModel vm;
    private final QatForm form;
    private final LossChart loss = new LossChart();
    private final AccuracyChart accuracy = new AccuracyChart();
    private final CentroidChart centroids = new CentroidChart();
    private final QatConsole console;
    private final ChangeListener<Number> onData = (o, a, b) -> refresh();
    private final ChangeListener<String> onLayer;

    QatView(QatViewModel vm, TabContext ctx) {
        this.vm = vm;
        getStyleClass().add("tab-content");
        TabHeader header = new TabHeader(I18n.t("qat.badge"), I18n.t("qat.title"), I18n.t("qat.subtitle"));
        header.exportAllButton().setOnAction(e -> ctx.export().exportAll(this::figures));
        Banner noModel = Banner.missingModel(ctx.services().model(), ctx.prompts());
        form = new QatForm(vm, ctx);
        console = new QatConsole(vm.log());

        ComboBox<String> layer = new ComboBox<>();
        layer.setId("qatLayer");
        layer.getItems().setAll(vm.layers());
        layer.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String l) {
                return l == null ? "" : CentroidChart.shortName(l);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        layer.valueProperty().bindBidirectional(vm.layer());
        layer.getStyleClass().add("small");
        layer.setPrefWidth(120);
        onLayer = (o, a, l) -> centroids.showLayer(l, vm.live());

        GridPane grid = new GridPane();
        grid.getStyleClass().add("tab-grid");
        grid.add(chartCard("qat.card.loss", "qatLossChart", loss, ctx), 0, 0);
        grid.add(chartCard("qat.card.accuracy", "qatAccuracyChart", accuracy, ctx), 1, 0);
        ChartPane centroidPane = pane("qatCentroidChart", centroids, ctx);
        Label layerLabel = new Label(I18n.t("qat.form.layer"));
        layerLabel.setLabelFor(layer);
        HBox layerRow = new HBox(6, layerLabel, layer);
        layerRow.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(centroidPane, Priority.ALWAYS);
        grid.add(new Card(I18n.t("qat.card.centroids"), new VBox(4, layerRow, centroidPane),
                centroidPane.takeExportButton()), 2, 0);
        Card log = new Card(I18n.t("qat.card.console"), console);
        QatResultsTable table = new QatResultsTable(vm.rows());
        TableExport.install(table, () -> QatResultsTable.table(vm.rows()), ctx.export());
        Card runs = new Card(I18n.t("qat.card.results"), table);
        HBox bottomRow = new HBox(12, log, runs);
        for (Card c : List.of(log, runs)) {
            c.setPrefWidth(0);
            c.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(c, Priority.ALWAYS);
        }
        grid.add(bottomRow, 0, 1, 3, 1);
        for (int c = 0; c < 3; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHgrow(Priority.ALWAYS);
            cc.setPercentWidth(100.0 / 3);
            grid.getColumnConstraints().add(cc);
        }
        RowConstraints charts = new RowConstraints();
        charts.setMinHeight(CHART_MIN_HEIGHT);
        charts.setVgrow(Priority.ALWAYS);
        RowConstraints bottom = new RowConstraints();
        bottom.setPrefHeight(BOTTOM_HEIGHT);
        bottom.setMinHeight(150);
        grid.getRowConstraints().addAll(charts, bottom);
        VBox.setVgrow(grid, Priority.ALWAYS);
        Card settings = new Card(I18n.t("qat.card.settings"), form);
        settings.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(header, noModel, settings, grid);

        vm.live().revision().addListener(onData);
        vm.layer().addListener(onLayer);
        centroids.showLayer(vm.layer().get(), vm.live());
        refresh();
    }

    private Card chartCard(String titleKey, String id, LiveChart chart, TabContext ctx) {
        ChartPane pane = pane(id, chart, ctx);
        return new Card(I18n.t(titleKey), pane, pane.takeExportButton());
    }

    private static ChartPane pane(String id, LiveChart chart, TabContext ctx) {
        ChartPane pane = new ChartPane(() -> Figure.of(id.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT),
                chart.chart()), ctx.export());
        pane.setId(id);
        return pane;
    }

    private void refresh() {
        loss.refresh(vm.live());
        accuracy.refresh(vm.live());
        centroids.refresh(vm.live());
    }

    FigureSet figures() {
        return new FigureSet(List.of(Figure.of("qat-loss", loss.chart()), Figure.of("qat-accuracy", accuracy.chart()),
                Figure.of("qat-centroids", centroids.chart())), List.of(QatResultsTable.table(vm.rows())));
    }

    /** Detaches this view from the view model (after a language switch builds a new one). */
    void dispose() {
        vm.live().revision().removeListener(onData);
        vm.layer().removeListener(onLayer);
        form.dispose();
        console.dispose();
        loss.dispose();
        accuracy.dispose();
        centroids.dispose();
    }

    LossChart lossChart() {
        return loss;
    }

    CentroidChart centroidChart() {
        return centroids;
    }
}
