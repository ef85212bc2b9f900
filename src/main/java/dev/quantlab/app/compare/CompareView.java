package dev.quantlab.app.compare;

import dev.quantlab.app.TabContext;
import dev.quantlab.app.charts.ChartPane;
import dev.quantlab.app.charts.TableExport;
import dev.quantlab.app.common.Banner;
import dev.quantlab.app.common.Card;
import dev.quantlab.app.common.TabHeader;
import dev.quantlab.app.export.Figure;
import dev.quantlab.app.export.FigureSet;
import dev.quantlab.app.i18n.I18n;
import dev.quantlab.app.results.ObservableResults;
import dev.quantlab.results.RunRecord;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

/**
 * The Compare tab's layout: accuracy against size for every recorded run over the lesson's numbers, the runs
 * themselves (with "Clear results…"), and k-means and linear quantization side by side.
 */
final class CompareView extends VBox {
    private final ObservableResults results;
    private final CompareChart chart;
    private final ListChangeListener<RunRecord> onRuns;
    private final TradeOffTable tradeOffs = new TradeOffTable();

    CompareView(ObservableResults results, TabContext ctx, ClearConfirmation confirmation,
                String storeProblem, BooleanProperty problemShown) {
        this.results = results;
        this.chart = new CompareChart(ReferencePoint.lesson());
        getStyleClass().add("tab-content");
        TabHeader header = new TabHeader(I18n.t("compare.badge"), I18n.t("compare.title"), I18n.t("compare.subtitle"));
        header.exportAllButton().setOnAction(e -> ctx.export().exportAll(this::figures));
        Banner problem = new Banner(new SimpleStringProperty(storeProblem), problemShown, I18n.t("compare.store.ok"),
                () -> problemShown.set(false));
        problem.setId("resultsProblem");

        ChartPane chartPane = new ChartPane(this::chartFigure, ctx.export());
        chartPane.setId("compareChart");
        Card chartCard = new Card(I18n.t("compare.card.chart"), chartPane, chartPane.takeExportButton());

        RunsTable runs = new RunsTable(results.runs());
        TableExport.install(runs, () -> RunsTable.table(results.runs()), ctx.export());
        Button clear = new Button(I18n.t("compare.clear"));
        clear.setId("clearResults");
        clear.getStyleClass().add("small");
        clear.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(results.runs()));
        clear.setOnAction(e -> {
            if (confirmation.confirm(this, results.runs().size())) {
                results.clear();
            }
        });
        Card runsCard = new Card(I18n.t("compare.card.runs"), runs, clear);

        TableExport.install(tradeOffs, TradeOffTable::table, ctx.export());
        Card tradeCard = new Card(I18n.t("compare.card.tradeoffs"), tradeOffs);

        GridPane grid = new GridPane();
        grid.getStyleClass().add("tab-grid");
        grid.add(chartCard, 0, 0);
        grid.add(runsCard, 1, 0);
        grid.add(tradeCard, 0, 1, 2, 1);
        ColumnConstraints left = new ColumnConstraints();
        left.setPercentWidth(50);
        left.setHgrow(Priority.ALWAYS);
        ColumnConstraints right = new ColumnConstraints();
        right.setPercentWidth(50);
        right.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(left, right);
        RowConstraints top = new RowConstraints();
        top.setMinHeight(300);
        top.setVgrow(Priority.ALWAYS);
        RowConstraints bottom = new RowConstraints();
        bottom.setMinHeight(200);
        bottom.setPrefHeight(230);
        grid.getRowConstraints().addAll(top, bottom);
        VBox.setVgrow(grid, Priority.ALWAYS);
        getChildren().addAll(header, problem, grid);

        onRuns = c -> chart.show(results.runs());
        results.runs().addListener(onRuns);
        chart.show(results.runs());
    }

    private Figure chartFigure() {
        return Figure.of("accuracy-vs-size", chart.chart());
    }

    FigureSet figures() {
        return new FigureSet(List.of(chartFigure()), List.of(RunsTable.table(results.runs()), TradeOffTable.table()));
    }

    void dispose() {
        results.runs().removeListener(onRuns);
    }

    CompareChart chart() {
        return chart;
    }
}
