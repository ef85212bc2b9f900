package dev.quantlab.app.baseline;

import dev.quantlab.app.charts.ChartPane;
import dev.quantlab.app.charts.TableExport;
import dev.quantlab.app.common.Banner;
import dev.quantlab.app.common.Card;
import dev.quantlab.app.common.SubsetChoice;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.TabGrid;
import dev.quantlab.app.common.TabHeader;
import dev.quantlab.app.common.Ui;
import dev.quantlab.app.export.Figure;
import dev.quantlab.app.export.FigureSet;
import dev.quantlab.app.i18n.Texts;
import dev.quantlab.eval.EvalResult;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * The Baseline tab's layout, bound to its {@link BaselineViewModel}: summary and evaluation on top, per-class accuracy
 * and confusion matrix below. Scrolls when the window is smaller than its content (1280×720).
 */
final class BaselineView extends ScrollPane {
    /** The height below which the content scrolls instead of squeezing the charts (px). */
    static final double MIN_CONTENT_HEIGHT = 700;
    /** Room added for the packed-model notice while it shows (one or two lines and the gap above it, px). */
    static final double PACKED_NOTICE_HEIGHT = 64;
    private final BaselineViewModel vm;
    private final Texts texts;
    private final PerClassAccuracyChart perClass;
    private final ConfusionHeatMap confusion;
    private final Subscription results;

    BaselineView(BaselineViewModel vm, Texts texts, TabContext ctx) {
        this.vm = vm;
        this.texts = texts;
        this.perClass = new PerClassAccuracyChart(texts);
        this.confusion = new ConfusionHeatMap(texts);
        VBox content = new VBox();
        content.getStyleClass().add("tab-content");
        TabHeader header = new TabHeader(texts, "1", texts.t("baseline.header.title"), texts.t("baseline.header.subtitle"));
        header.exportAllButton().setOnAction(e -> ctx.export().exportAll(this::figures));
        Banner noModel = Banner.missingModel(texts, ctx.services().model(), ctx.prompts());

        ChartPane perClassPane = new ChartPane(() -> Figure.of("baseline-per-class-accuracy", perClass.chart()),
                ctx.export());
        ChartPane confusionPane = new ChartPane(() -> Figure.of("baseline-confusion-matrix", confusion.chart()),
                ctx.export());
        results = vm.result().subscribe(r -> { // shows the current result at once (after a language switch too)
            perClass.show(r);
            confusion.show(r);
        });

        // top row 62/38 (the summary table needs ~540 px for its four columns whole at 1280x720), bottom row 50/50
        GridPane grid = TabGrid.of(50, 50);
        grid.getColumnConstraints().setAll(percent(50), percent(12), percent(38));
        grid.add(new Card(texts.t("baseline.card.summary"), new VBox(6, summaryTable(ctx), summaryTotal())), 0, 0, 2, 1);
        grid.add(new Card(texts.t("baseline.card.accuracy"), evaluationBox(ctx)), 2, 0);
        perClassPane.getStyleClass().add("card");
        confusionPane.getStyleClass().add("card");
        grid.add(perClassPane, 0, 1);
        grid.add(confusionPane, 1, 1, 2, 1);
        // a packed k-means model is not the fp32 one: said across the tab, in room of its own (the cards keep theirs)
        Banner packed = new Banner(vm.packedNotice(), vm.packedNotice().isNotEmpty(), texts.t("app.banner.openModel"),
                ctx.prompts()::openModelFile);
        packed.setId("packedModelNotice");
        content.getChildren().addAll(header, noModel, packed, grid);
        content.minHeightProperty().bind(Bindings.createDoubleBinding(() -> MIN_CONTENT_HEIGHT
                + (packed.isVisible() ? PACKED_NOTICE_HEIGHT : 0), packed.visibleProperty()));
        content.prefHeightProperty().bind(content.minHeightProperty());
        setContent(content);
        setFitToWidth(true);
        fitToHeightProperty().bind(Bindings.createBooleanBinding(
                () -> getViewportBounds().getHeight() >= content.getMinHeight(), viewportBoundsProperty(),
                content.minHeightProperty()));
    }

    private static ColumnConstraints percent(double p) {
        ColumnConstraints c = new ColumnConstraints();
        c.setPercentWidth(p);
        return c;
    }

    /** Stops following the view model (the view is replaced after a language switch). */
    void dispose() {
        results.unsubscribe();
    }

    FigureSet figures() {
        return new FigureSet(List.of(Figure.of("baseline-per-class-accuracy", perClass.chart()),
                Figure.of("baseline-confusion-matrix", confusion.chart())), vm.tables());
    }

    private Label summaryTotal() {
        Label total = new Label(ModelSummary.totalText(vm.architecture(), texts));
        total.setId("modelTotal");
        total.getStyleClass().add("card-figure");
        return total;
    }

    private TableView<ModelSummary.Row> summaryTable(TabContext ctx) {
        SummaryTable table = new SummaryTable(vm.summaryRows(), texts);
        VBox.setVgrow(table, Priority.ALWAYS);
        TableExport.install(table, () -> vm.tables().get(0), ctx.export());
        return table;
    }

    private VBox evaluationBox(TabContext ctx) {
        SubsetChoice subset = new SubsetChoice(texts, vm.subset());
        subset.setId("baselineSubset");
        Button evaluate = new Button(texts.t("baseline.evaluate"));
        evaluate.setId("evaluateButton");
        evaluate.getStyleClass().add("accent");
        evaluate.disableProperty().bind(vm.job().runningProperty());
        evaluate.setOnAction(e -> ctx.prompts().explain(vm.evaluate()));
        Button cancel = new Button(texts.t("baseline.cancel"));
        cancel.setId("cancelEvaluation");
        cancel.disableProperty().bind(vm.job().runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Label imagesLabel = new Label(texts.t("baseline.testImages"));
        Ui.noShrink(imagesLabel, subset, evaluate, cancel);
        FlowPane controls = new FlowPane(8, 6, imagesLabel, subset, evaluate, cancel);
        controls.setAlignment(Pos.CENTER_LEFT);

        ProgressBar bar = new ProgressBar(0);
        bar.setId("evaluationProgress");
        bar.progressProperty().bind(vm.job().progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        Label status = new Label();
        status.setId("evaluationStatus");
        status.getStyleClass().add("muted");
        status.textProperty().bind(vm.job().messageProperty());
        status.setWrapText(true);

        Label accuracy = new Label();
        accuracy.setId("accuracyLabel");
        accuracy.getStyleClass().add("big-number");
        accuracy.textProperty().bind(Bindings.createStringBinding(
                () -> BaselineViewModel.accuracyText(vm.result().get()), vm.result()));
        Label caption = new Label();
        caption.getStyleClass().add("muted");
        caption.setWrapText(true);
        caption.textProperty().bind(Bindings.createStringBinding(() -> caption(vm.result().get()), vm.result()));
        Label reference = new Label(texts.t("baseline.reference"));
        reference.setId("lessonReference");
        reference.getStyleClass().add("muted");
        reference.setWrapText(true);
        reference.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(10, controls, bar, status, new VBox(0, accuracy, caption), reference);
        box.setFillWidth(true);
        return box;
    }

    private String caption(EvalResult r) {
        if (r == null) {
            return texts.t("baseline.caption.none");
        }
        return texts.t("baseline.caption.result", String.format(Locale.ROOT, "%,d", r.correct()),
                String.format(Locale.ROOT, "%,d", r.images()));
    }
}
