package dev.quantlab.app.linear;

import dev.quantlab.app.charts.ChartPane;
import dev.quantlab.app.charts.TableExport;
import dev.quantlab.app.common.Banner;
import dev.quantlab.app.common.BitSlider;
import dev.quantlab.app.common.Card;
import dev.quantlab.app.common.RunsTable;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.TabHeader;
import dev.quantlab.app.common.Ui;
import dev.quantlab.app.export.DataTable;
import dev.quantlab.app.export.Figure;
import dev.quantlab.app.export.FigureSet;
import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.services.Calibration;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.controlsfx.control.SegmentedButton;

/**
 * The Linear tab's layout: the bit-width slider; the nine weight histograms (integers over {@code W / S}, or
 * fp32); per-channel versus per-tensor error, activation ranges and the scales table; calibration and accuracy.
 */
final class LinearView extends ScrollPane {
    private final LinearViewModel vm;
    private final HistogramGrid grid;
    private final GranularityErrorChart errors;
    private final ActivationRangeChart ranges;
    private final ScalesTable scales;
    private final ActivationsPane activations;
    private final Slider slider;
    private final AccuracyPanel accuracy;
    /** Listeners on the view model, removed by {@link #dispose()} when the view is rebuilt. */
    private Subscription subscriptions = Subscription.EMPTY;

    private final Texts texts;

    LinearView(LinearViewModel vm, TabContext ctx, Texts texts) {
        this.texts = texts;
        this.errors = new GranularityErrorChart(texts);
        this.ranges = new ActivationRangeChart(texts);
        this.scales = new ScalesTable(texts);
        this.activations = new ActivationsPane(vm, ctx, texts);

        this.vm = vm;
        this.slider = BitSlider.create("linearBitsSlider", LinearViewModel.MIN_BITS, LinearViewModel.MAX_BITS, 200,
                vm.bits(), s -> subscriptions = subscriptions.and(s));
        TabHeader header = new TabHeader(texts, "5", texts.t("linear.title"), texts.t("linear.subtitle"));
        header.exportAllButton().setText(texts.t("linear.exportAll"));
        header.exportAllButton().setOnAction(e -> ctx.export().exportAll(this::figures));
        Banner noModel = Banner.missingModel(texts, ctx.services().model(), ctx.prompts());
        grid = new HistogramGrid(ctx.export(), texts.t("linear.histogram.exportHint"), texts);

        ToggleButton integers = new ToggleButton(texts.t("linear.view.integers"));
        integers.setId("viewIntegers");
        ToggleButton fp32 = new ToggleButton(texts.t("linear.view.fp32"));
        fp32.setId("viewFp32");
        SegmentedButton view = new SegmentedButton(integers, fp32);
        integers.setSelected(!vm.showFp32().get());
        fp32.setSelected(vm.showFp32().get());
        view.getToggleGroup().selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                a.setSelected(true); // one view is always chosen
            } else {
                vm.showFp32().set(t == fp32);
            }
        });
        Label legend = new Label();
        legend.getStyleClass().add("muted");
        legend.setWrapText(true);
        legend.textProperty().bind(Bindings.createStringBinding(() -> texts.t(vm.showFp32().get()
                ? "linear.histogram.legend.fp32" : "linear.histogram.legend.integers"), vm.showFp32()));
        VBox.setVgrow(grid, Priority.ALWAYS);
        Ui.noShrink(integers, fp32);
        Card weights = new Card(texts.t("linear.histogram.card"), new VBox(6, grid, legend), view);
        if (weights.lookup(".card-title") instanceof Label title) {
            title.setTooltip(new javafx.scene.control.Tooltip(title.getText())); // may be cut at laptop size
        }

        subscriptions = subscriptions.and(vm.preview().subscribe((a, p) -> show(p)));
        subscriptions = subscriptions.and(vm.showFp32().subscribe((a, b) -> {
            (b ? fp32 : integers).setSelected(true);
            grid.show(vm.preview().get(), mode());
        }));
        show(vm.preview().get());

        accuracy = new AccuracyPanel(vm, ctx, texts);
        weights.setMinHeight(560);
        Card details = new Card(texts.t("linear.details.card"), details(ctx));
        details.setMinHeight(430);
        Card evaluation = new Card(texts.t("linear.eval.card"), accuracy);
        evaluation.setMinHeight(300);
        HBox.setHgrow(weights, Priority.ALWAYS);
        VBox right = new VBox(12, details, evaluation);
        right.setMinWidth(420);
        right.prefWidthProperty().bind(widthProperty().multiply(0.40));
        HBox layout = new HBox(12, weights, right);
        VBox content = new VBox(12, header, noModel, controls(), layout);
        content.getStyleClass().add("tab-content");
        setContent(content);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        getStyleClass().add("edge-to-edge");
    }

    private QuantHistogramChart.Mode mode() {
        return vm.showFp32().get() ? QuantHistogramChart.Mode.FP32 : QuantHistogramChart.Mode.INTEGERS;
    }

    private void show(LinearPreviews.Preview p) {
        grid.show(p, mode());
        errors.show(p);
        scales.show(p);
        Calibration c = p == null ? null : p.key().calibration();
        ranges.show(p == null ? List.of() : p.activations(), c == null ? 0 : c.images());
    }

    private HBox controls() {
        Label bits = new Label();
        bits.setId("linearBitsLabel");
        bits.getStyleClass().add("value-chip");
        bits.textProperty().bind(Bindings.createStringBinding(() -> {
            int b = vm.bits().get();
            return texts.t("linear.bits.chip", b, -(1 << (b - 1)), (1 << (b - 1)) - 1);
        }, vm.bits()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("linearBusy");
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.computing());
        Label message = new Label();
        message.setId("linearPreviewMessage");
        message.getStyleClass().add("muted");
        message.textProperty().bind(vm.previewMessage());
        Label title = new Label(texts.t("linear.bits.label"));
        Ui.noShrink(title, slider, bits);
        HBox row = new HBox(12, title, slider, bits, busy, message);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private TabPane details(TabContext ctx) {
        ChartPane errorPane = new ChartPane(this::errorFigure, ctx.export());
        ChartPane rangePane = new ChartPane(this::rangeFigure, ctx.export());
        TableExport.install(scales, () -> ScalesTable.table(vm.preview().get()), ctx.export());
        Label scalesNote = new Label(texts.t("linear.scales.note"));
        scalesNote.getStyleClass().add("muted");
        scalesNote.setWrapText(true);
        scalesNote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox.setVgrow(scales, Priority.ALWAYS);
        scales.setMinHeight(9 * 24 + 34); // all nine layers without scrolling
        Tab e = new Tab(texts.t("linear.details.error"), errorPane);
        Tab r = new Tab(texts.t("linear.details.ranges"), rangePane);
        Tab s = new Tab(texts.t("linear.details.scales"), new VBox(6, scales, scalesNote));
        Tab a = new Tab(texts.t("linear.details.activations"), activations);
        TabPane tabs = new TabPane(e, r, s, a);
        tabs.setId("linearDetails");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        return tabs;
    }

    private Figure errorFigure() {
        LinearPreviews.Preview p = vm.preview().get();
        return Figure.of("linear-error-per-channel-vs-per-tensor" + (p == null ? "" : "-" + p.bits() + "bit"),
                errors.chart());
    }

    private Figure rangeFigure() {
        return Figure.of("linear-activation-ranges", ranges.chart());
    }

    /** Detaches from the view model (the view is being replaced after a language switch). */
    void dispose() {
        subscriptions.unsubscribe();
        accuracy.dispose();
        activations.dispose();
    }

    FigureSet figures() {
        LinearPreviews.Preview p = vm.preview().get();
        List<Figure> figures = new ArrayList<>(grid.figures());
        List<DataTable> tables = new ArrayList<>();
        if (p != null) {
            figures.add(errorFigure());
            tables.add(ScalesTable.table(p));
            tables.add(ScalesTable.errors(p));
            if (!p.activations().isEmpty()) {
                figures.add(rangeFigure());
            }
        }
        if (vm.calibration().get() != null) {
            figures.add(activations.figure());
        }
        if (!vm.runs().isEmpty()) {
            tables.add(RunsTable.table("linear-runs", vm.runs()));
        }
        return new FigureSet(figures, tables);
    }

    Slider slider() {
        return slider;
    }

    HistogramGrid grid() {
        return grid;
    }
}
