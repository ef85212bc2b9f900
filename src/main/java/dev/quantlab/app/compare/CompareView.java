package dev.quantlab.app.compare;

import com.google.gson.JsonParseException;
import dev.quantlab.app.charts.ChartPane;
import dev.quantlab.app.charts.TableExport;
import dev.quantlab.app.common.Banner;
import dev.quantlab.app.common.Card;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.TabHeader;
import dev.quantlab.app.export.Figure;
import dev.quantlab.app.export.FigureSet;
import dev.quantlab.app.i18n.I18n;
import dev.quantlab.app.jobs.Messages;
import dev.quantlab.app.results.ObservableResults;
import dev.quantlab.core.UserFacingException;
import dev.quantlab.model.StateDict;
import dev.quantlab.results.MeasuredResults;
import dev.quantlab.results.ResultsJson;
import dev.quantlab.results.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

/**
 * The Compare tab's layout: accuracy against size for every recorded run (and the results measured on the loaded
 * model, read from its {@code <name>-results.json}) over the lesson's numbers, the runs
 * themselves (with "Add results from a file…" and "Clear results…"), and k-means and linear quantization side by side.
 */
final class CompareView extends VBox {
    private final ObservableResults results;
    private final CompareChart chart;
    private final ListChangeListener<RunRecord> onRuns;
    private final javafx.util.Subscription onModel;
    private int measuredGeneration;
    private final TradeOffTable tradeOffs = new TradeOffTable();
    private final StringProperty importMessage = new SimpleStringProperty("");
    private final BooleanProperty importShown = new SimpleBooleanProperty();

    CompareView(ObservableResults results, TabContext ctx, ClearConfirmation confirmation,
                ResultsFileChooser fileChooser, String storeProblem, BooleanProperty problemShown) {
        this.results = results;
        this.chart = new CompareChart(ReferencePoint.lesson());
        getStyleClass().add("tab-content");
        TabHeader header = new TabHeader(I18n.t("compare.badge"), I18n.t("compare.title"), I18n.t("compare.subtitle"));
        header.exportAllButton().setOnAction(e -> ctx.export().exportAll(this::figures));
        Banner problem = new Banner(new SimpleStringProperty(storeProblem), problemShown, I18n.t("compare.store.ok"),
                () -> problemShown.set(false));
        problem.setId("resultsProblem");
        Banner imported = new Banner(importMessage, importShown, I18n.t("compare.store.ok"), () -> importShown.set(false));
        imported.setId("importOutcome");

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
        Button addFromFile = new Button(I18n.t("compare.import"));
        addFromFile.setId("addResults");
        addFromFile.getStyleClass().add("small");
        addFromFile.setOnAction(e -> fileChooser.choose(this).ifPresent(file -> addFrom(file, ctx)));
        Card runsCard = new Card(I18n.t("compare.card.runs"), runs, new HBox(6, addFromFile, clear));

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
        getChildren().addAll(header, problem, imported, grid);

        onRuns = c -> chart.show(results.runs());
        results.runs().addListener(onRuns);
        chart.show(results.runs());
        onModel = ctx.services().model().weights().subscribe(w -> showMeasured(w, ctx));
    }

    /**
     * Reads, off the FX thread, the results measured on the model now loaded (none when it has no results file); a
     * damaged file, or unusable entries in it, are said in the status line.
     */
    private void showMeasured(StateDict weights, TabContext ctx) {
        int gen = ++measuredGeneration;
        Path model = ctx.services().model().path().get();
        if (weights == null || model == null) {
            chart.showMeasured(List.of());
            return;
        }
        CompletableFuture.supplyAsync(() -> {
            try {
                return MeasuredResults.read(model);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, ctx.services().previews()).whenComplete((parsed, error) -> Platform.runLater(() -> {
            if (gen != measuredGeneration) {
                return;
            }
            chart.showMeasured(error == null ? parsed.runs() : List.of());
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause()
                        : error;
                ctx.services().notice().set(Messages.describe(cause));
            } else if (parsed.skipped() > 0) {
                ctx.services().notice().set(I18n.t("compare.measured.skipped", parsed.skipped(),
                        MeasuredResults.besideModel(model).toString()));
            }
        }));
    }

    /**
     * Adds the runs kept in {@code file} (e.g. the shipped model's results measured with {@code --record}), read on a
     * worker thread; runs already recorded are not added twice. The file itself is never changed.
     */
    private void addFrom(Path file, TabContext ctx) {
        ctx.services().jobs().submit(I18n.t("compare.import.job", file.getFileName().toString()), (progress, cancel) -> {
            try {
                return ResultsJson.read(Files.readString(file, StandardCharsets.UTF_8));
            } catch (JsonParseException e) {
                throw new UserFacingException(I18n.t("compare.import.notResults", file.toString(), e.getMessage()), e);
            }
        }, parsed -> {
            int added = 0;
            for (RunRecord r : parsed.runs()) {
                added += results.addUnlessPresent(r) ? 1 : 0;
            }
            importMessage.set(I18n.t("compare.import.done", added, parsed.runs().size() - added, file.toString(),
                    parsed.skipped()));
            importShown.set(true);
        });
    }

    private Figure chartFigure() {
        return Figure.of("accuracy-vs-size", chart.chart());
    }

    FigureSet figures() {
        return new FigureSet(List.of(chartFigure()), List.of(RunsTable.table(results.runs()), TradeOffTable.table()));
    }

    void dispose() {
        results.runs().removeListener(onRuns);
        onModel.unsubscribe();
    }

    /** What the last "Add results from a file…" did, or "" (tests). */
    String importMessage() {
        return importMessage.get();
    }

    CompareChart chart() {
        return chart;
    }
}
