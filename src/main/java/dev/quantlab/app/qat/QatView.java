package dev.quantlab.app.qat;

import dev.quantlab.app.common.ChoiceNames;
import dev.quantlab.app.charts.ChartPane;
import dev.quantlab.app.charts.TableExport;
import dev.quantlab.app.common.Banner;
import dev.quantlab.app.common.Card;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.TabHeader;
import dev.quantlab.app.export.Figure;
import dev.quantlab.app.export.FigureSet;
import dev.quantlab.app.i18n.Texts;
import java.util.List;
import java.util.Locale;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

/**
 * The QAT tab's layout, scrolling as a whole where the window is short: settings and Start/Stop on top, three live
 * charts (loss per step, accuracy per epoch with the fp32 and threshold lines, each centroid's change of one layer),
 * then the log and the finished runs, each the full width.
 */
final class QatView extends ScrollPane {
    private static final double CHART_HEIGHT = 270;
    private static final double LOG_HEIGHT = 170;
    private static final double RUNS_HEIGHT = 190;
    private final QatViewModel vm;
    private final QatForm form;
    private final LossChart loss;
    private final AccuracyChart accuracy;
    private final CentroidChart centroids;
    private final QatConsole console;
    private final QatResultsTable table;
    private final ChangeListener<Number> onData = (o, a, b) -> refresh();
    private final ChangeListener<String> onLayer;

    QatView(QatViewModel vm, TabContext ctx, Texts texts) {
        this.vm = vm;
        setId("qatScroll");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        loss = new LossChart(texts);
        accuracy = new AccuracyChart(texts);
        centroids = new CentroidChart(texts);
        TabHeader header = new TabHeader(texts, texts.t("qat.badge"), texts.t("qat.title"), texts.t("qat.subtitle"));
        header.exportAllButton().setOnAction(e -> ctx.export().exportAll(this::figures));
        Banner noModel = Banner.missingModel(texts, ctx.services().model(), ctx.prompts());
        form = new QatForm(vm, texts, ctx.prompts());
        console = new QatConsole(vm.log());
        console.setPrefHeight(LOG_HEIGHT);
        table = new QatResultsTable(vm.rows(), texts);
        table.setPrefHeight(RUNS_HEIGHT);
        table.setMinHeight(RUNS_HEIGHT);
        TableExport.install(table, () -> QatResultsTable.table(vm.rows()), ctx.export());

        GridPane charts = new GridPane();
        charts.getStyleClass().add("tab-grid");
        charts.add(chartCard(texts.t("qat.card.loss"), "qatLossChart", loss, ctx), 0, 0);
        charts.add(chartCard(texts.t("qat.card.accuracy"), "qatAccuracyChart", accuracy, ctx), 1, 0);
        charts.add(centroidCard(texts, ctx), 2, 0);
        for (int c = 0; c < 3; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHgrow(Priority.ALWAYS);
            cc.setPercentWidth(100.0 / 3);
            charts.getColumnConstraints().add(cc);
        }
        RowConstraints chartRow = new RowConstraints();
        chartRow.setVgrow(Priority.ALWAYS); // on a large screen the cards, not the gap below them, take the height
        chartRow.setFillHeight(true);
        charts.getRowConstraints().add(chartRow);
        charts.setMinHeight(CHART_HEIGHT);
        charts.setPrefHeight(CHART_HEIGHT);
        VBox.setVgrow(charts, Priority.ALWAYS);
        Card settings = new Card(texts.t("qat.card.settings"), form);
        settings.setMinHeight(Region.USE_PREF_SIZE);
        Card log = new Card(texts.t("qat.card.console"), console);
        log.setMinHeight(Region.USE_PREF_SIZE);
        Card runs = new Card(texts.t("qat.card.results"), table);
        runs.setMinHeight(Region.USE_PREF_SIZE);
        VBox content = new VBox(12, header, noModel, settings, charts, log, runs);
        content.getStyleClass().add("tab-content");
        // as tall as the viewport at least: on a large screen the charts take the spare height
        viewportBoundsProperty().addListener((o, a, b) -> content.setMinHeight(b.getHeight()));
        setContent(content);

        onLayer = (o, a, l) -> centroids.showLayer(l, vm.live());
        vm.live().revision().addListener(onData);
        vm.choices().layer().addListener(onLayer);
        centroids.showLayer(vm.choices().layer().get(), vm.live());
        refresh();
    }

    private Card centroidCard(Texts texts, TabContext ctx) {
        ComboBox<String> layer = ChoiceNames.box("qatLayer", vm.choices().layers(), CentroidChart::shortName);
        layer.valueProperty().bindBidirectional(vm.choices().layer());
        layer.getStyleClass().add("small");
        layer.setTooltip(new Tooltip(texts.t("qat.form.layer.tip")));
        Label layerLabel = new Label(texts.t("qat.form.layer"));
        layerLabel.setLabelFor(layer);
        layerLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox layerRow = new HBox(6, layerLabel, layer);
        layerRow.setAlignment(Pos.CENTER_LEFT);
        ChartPane pane = pane("qatCentroidChart", centroids, ctx);
        VBox.setVgrow(pane, Priority.ALWAYS);
        return new Card(texts.t("qat.card.centroids"), new VBox(4, layerRow, pane), pane.takeExportButton());
    }

    private static Card chartCard(String title, String id, LiveChart chart, TabContext ctx) {
        ChartPane pane = pane(id, chart, ctx);
        return new Card(title, pane, pane.takeExportButton());
    }

    private static ChartPane pane(String id, LiveChart chart, TabContext ctx) {
        ChartPane pane = new ChartPane(() -> Figure.of(id.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT),
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
        vm.choices().layer().removeListener(onLayer);
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

    QatResultsTable resultsTable() {
        return table;
    }
}
