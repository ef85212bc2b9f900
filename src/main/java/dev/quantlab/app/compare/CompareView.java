package dev.quantlab.app.compare;

import dev.quantlab.app.charts.ChartPane;
import dev.quantlab.app.charts.TableExport;
import dev.quantlab.app.common.Banner;
import dev.quantlab.app.common.Card;
import dev.quantlab.app.common.TabHeader;
import dev.quantlab.app.export.ExportActions;
import dev.quantlab.app.export.Figure;
import dev.quantlab.app.export.FigureSet;
import dev.quantlab.app.i18n.Texts;
import dev.quantlab.results.RunRecord;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * The Compare tab's layout, bound to its {@link CompareViewModel}: accuracy against size for every recorded run (and
 * the results measured on the loaded model) over the lesson's numbers, the runs themselves (with "Add results from a
 * file…" and "Clear results…"), and k-means and linear quantization side by side. Scrolls when the window is
 * smaller than its content (1280×720).
 */
final class CompareView extends ScrollPane {
    /**
     * Below this width (the tab's area in a 1280×720 window is 934 px) the runs go under the chart, full width, so
     * that every column fits; above it they sit beside it (px).
     */
    static final double WIDE = 1300;
    /** The heights below which the content scrolls instead of squeezing the chart (px): side by side, stacked. */
    static final double MIN_HEIGHT_WIDE = 640;
    static final double MIN_HEIGHT_STACKED = 940;
    private final GridPane grid = new GridPane();
    private final VBox content = new VBox();
    private Boolean wide;
    private final CompareViewModel vm;
    private final Texts texts;
    private final CompareChart chart;
    private final List<Subscription> subscriptions = new ArrayList<>();

    CompareView(CompareViewModel vm, Texts t, ExportActions export, CompareDialogs dialogs) {
        this.vm = vm;
        this.texts = t;
        this.chart = new CompareChart(vm.reference(), t);
        content.getStyleClass().add("tab-content");
        TabHeader header = new TabHeader(t, t.t("compare.badge"), t.t("compare.title"), t.t("compare.subtitle"));
        header.exportAllButton().setOnAction(e -> export.exportAll(this::figures));
        Banner problem = new Banner(vm.problem(), vm.problemShown(), t.t("compare.store.ok"), vm::dismissProblem);
        problem.setId("resultsProblem");
        Banner imported = new Banner(vm.importMessage(), vm.importShown(), t.t("compare.store.ok"), vm::dismissImport);
        imported.setId("importOutcome");

        ChartPane chartPane = new ChartPane(this::chartFigure, export);
        chartPane.setId("compareChart");
        Card chartCard = new Card(t.t("compare.card.chart"), chartPane, chartPane.takeExportButton());

        RunsTable runs = new RunsTable(vm.runs(), t);
        TableExport.install(runs, () -> RunsTable.table(vm.runs()), export);
        Button clear = new Button(t.t("compare.clear"));
        clear.setId("clearResults");
        clear.getStyleClass().add("small");
        clear.disableProperty().bind(Bindings.isEmpty(vm.runs()));
        clear.setOnAction(e -> {
            if (dialogs.clear().confirm(this, vm.runs().size(), t)) {
                vm.clear();
            }
        });
        Button addFromFile = new Button(t.t("compare.import"));
        addFromFile.setId("addResults");
        addFromFile.getStyleClass().add("small");
        addFromFile.setOnAction(e -> dialogs.files().choose(this, t).ifPresent(vm::addFrom));
        Card runsCard = new Card(t.t("compare.card.runs"), runs, new HBox(6, addFromFile, clear));

        TradeOffTable tradeOffs = new TradeOffTable(t);
        TableExport.install(tradeOffs, () -> TradeOffTable.table(t), export);
        Card tradeCard = new Card(t.t("compare.card.tradeoffs"), tradeOffs);

        grid.getStyleClass().add("tab-grid");
        grid.getChildren().addAll(chartCard, runsCard, tradeCard);
        VBox.setVgrow(grid, Priority.ALWAYS);
        content.getChildren().addAll(header, problem, imported, grid);
        setContent(content);
        setFitToWidth(true);
        arrange(true);
        viewportBoundsProperty().addListener((o, a, b) -> arrange(b.getWidth() >= WIDE || b.getWidth() <= 0));
        getStyleClass().add("tab-scroll");

        ListChangeListener<RunRecord> onRuns = c -> chart.show(vm.runs());
        vm.runs().addListener(onRuns);
        subscriptions.add(() -> vm.runs().removeListener(onRuns));
        chart.show(vm.runs());
        subscriptions.add(vm.measured().subscribe(chart::showMeasured));
    }

    /**
     * Places the cards side by side (chart | runs, trade-offs below) or stacked (chart, runs, trade-offs), and lets
     * the content fill the height where it fits, scroll where it does not.
     */
    private void arrange(boolean sideBySide) {
        double minHeight = sideBySide ? MIN_HEIGHT_WIDE : MIN_HEIGHT_STACKED;
        setFitToHeight(getViewportBounds().getHeight() >= minHeight);
        if (wide != null && wide == sideBySide) {
            return;
        }
        wide = sideBySide;
        List<javafx.scene.Node> cards = List.copyOf(grid.getChildren());
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        for (int c = 0; c < 2; c++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            half.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(half);
        }
        if (sideBySide) {
            GridPane.setConstraints(cards.get(0), 0, 0, 1, 1);
            GridPane.setConstraints(cards.get(1), 1, 0, 1, 1);
            GridPane.setConstraints(cards.get(2), 0, 1, 2, 1);
            grid.getRowConstraints().addAll(row(330, Priority.ALWAYS), row(200, Priority.SOMETIMES));
        } else {
            GridPane.setConstraints(cards.get(0), 0, 0, 2, 1);
            GridPane.setConstraints(cards.get(1), 0, 1, 2, 1);
            GridPane.setConstraints(cards.get(2), 0, 2, 2, 1);
            grid.getRowConstraints().addAll(row(340, Priority.ALWAYS), row(250, Priority.SOMETIMES),
                    row(200, Priority.SOMETIMES));
        }
        content.setMinHeight(minHeight);
        content.setPrefHeight(minHeight);
    }

    private static RowConstraints row(double minHeight, Priority grow) {
        RowConstraints r = new RowConstraints();
        r.setMinHeight(minHeight);
        r.setPrefHeight(minHeight);
        r.setVgrow(grow);
        return r;
    }

    private Figure chartFigure() {
        return Figure.of("accuracy-vs-size", chart.chart());
    }

    FigureSet figures() {
        return new FigureSet(List.of(chartFigure()), List.of(RunsTable.table(vm.runs()), TradeOffTable.table(texts)));
    }

    /** Stops following the view model (the view is replaced after a language switch). */
    void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
    }

    CompareChart chart() {
        return chart;
    }
}
