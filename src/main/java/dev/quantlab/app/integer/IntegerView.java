package dev.quantlab.app.integer;

import dev.quantlab.app.charts.ChartPane;
import dev.quantlab.app.common.Banner;
import dev.quantlab.app.common.Card;
import dev.quantlab.app.common.RunsTable;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.TabGrid;
import dev.quantlab.app.common.TabHeader;
import dev.quantlab.app.export.DataTable;
import dev.quantlab.app.export.Figure;
import dev.quantlab.app.export.FigureSet;
import dev.quantlab.app.i18n.I18n;
import dev.quantlab.app.services.DatasetService;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/** The Integer tab's layout: run and comparison, the throughput chart, and the worked example below. */
final class IntegerView extends VBox {
    private final IntegerViewModel vm;
    private final ThroughputChart speed = new ThroughputChart();
    private final WorkedExampleView example;
    private final ComparisonPanel panel;
    /** Listeners on the view model, removed by {@link #dispose()} when the view is rebuilt. */
    private Subscription subscriptions = Subscription.EMPTY;

    IntegerView(IntegerViewModel vm, TabContext ctx) {
        this.vm = vm;
        getStyleClass().add("tab-content");
        TabHeader header = new TabHeader("6", I18n.t("integer.title"), I18n.t("integer.subtitle"));
        header.exportAllButton().setText(I18n.t("integer.exportAll"));
        header.exportAllButton().setOnAction(e -> ctx.export().exportAll(this::figures));
        Banner noModel = Banner.missingModel(ctx.services().model(), ctx.prompts());
        Banner noData = new Banner(new SimpleStringProperty(I18n.t("integer.data.missing")),
                ctx.services().data().status().isNotEqualTo(DatasetService.Status.AVAILABLE),
                I18n.t("integer.data.get"), ctx.prompts()::needData);

        ChartPane speedPane = new ChartPane(this::speedFigure, ctx.export());
        subscriptions = vm.comparison().subscribe((a, c) -> speed.show(c));
        speed.show(vm.comparison().get());
        example = new WorkedExampleView(vm, ctx);

        GridPane grid = TabGrid.of(38, 42);
        panel = new ComparisonPanel(vm, ctx);
        HBox.setHgrow(speedPane, Priority.ALWAYS);
        HBox resultsAndChart = new HBox(12, panel.results(), speedPane);
        grid.add(new Card(I18n.t("integer.run.card"), panel.controls()), 0, 0);
        grid.add(new Card(I18n.t("integer.speed.card"), resultsAndChart, speedPane.takeExportButton()), 1, 0);
        grid.add(new Card(I18n.t("integer.example.card"), example), 0, 1, 2, 1);
        getChildren().addAll(header, noModel, noData, grid);
    }

    private Figure speedFigure() {
        return Figure.of("integer-throughput-fp32-vs-int8", speed.chart());
    }

    FigureSet figures() {
        List<Figure> figures = new ArrayList<>();
        List<DataTable> tables = new ArrayList<>();
        Comparison c = vm.comparison().get();
        if (c != null) {
            figures.add(speedFigure());
            tables.add(RunsTable.table("integer-run", List.of(c.run())));
        }
        if (vm.example().get() != null) {
            tables.add(example.steps().table());
        }
        return new FigureSet(figures, tables);
    }

    WorkedExampleView example() {
        return example;
    }

    /** Detaches from the view model (the view is being replaced after a language switch). */
    void dispose() {
        subscriptions.unsubscribe();
        panel.dispose();
        example.dispose();
    }
}
