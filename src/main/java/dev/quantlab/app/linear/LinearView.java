package dev.quantlab.app.linear;

import dev.quantlab.app.charts.ChartPane;
import dev.quantlab.app.charts.TableExport;
import dev.quantlab.app.common.Banner;
import dev.quantlab.app.common.BitSlider;
import dev.quantlab.app.common.Card;
import dev.quantlab.app.common.RunsTable;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.TabGrid;
import dev.quantlab.app.common.TabHeader;
import dev.quantlab.app.common.Ui;
import dev.quantlab.app.export.DataTable;
import dev.quantlab.app.export.Figure;
import dev.quantlab.app.export.FigureSet;
import dev.quantlab.app.i18n.I18n;
import dev.quantlab.app.services.Calibration;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.controlsfx.control.SegmentedButton;

/**
 * The Linear tab's layout: the bit-width slider; the nine weight histograms (integers over {@code W / S}, or
 * fp32); per-channel versus per-tensor error, activation ranges and the scales table; calibration and accuracy.
 */
final class LinearView extends VBox {
    private final LinearViewModel vm;
    private final HistogramGrid grid;
    private final GranularityErrorChart errors = new GranularityErrorChart();
    private final ActivationRangeChart ranges = new ActivationRangeChart();
    private final ScalesTable scales = new ScalesTable();
    private final Slider slider;
    private final AccuracyPanel accuracy;
    /** Listeners on the view model, removed by {@link #dispose()} when the view is rebuilt. */
    private Subscription subscriptions = Subscription.EMPTY;

    LinearView(LinearViewModel vm, TabContext ctx) {
        this.vm = vm;
        this.slider = BitSlider.create("linearBitsSlider", LinearViewModel.MIN_BITS, LinearViewModel.MAX_BITS, 200,
                vm.bits(), s -> subscriptions = subscriptions.and(s));
        getStyleClass().add("tab-content");
        TabHeader header = new TabHeader("5", I18n.t("linear.title"), I18n.t("linear.subtitle"));
        header.exportAllButton().setText(I18n.t("linear.exportAll"));
        header.exportAllButton().setOnAction(e -> ctx.export().exportAll(this::figures));
        Banner noModel = Banner.missingModel(ctx.services().model(), ctx.prompts());
        grid = new HistogramGrid(ctx.export(), I18n.t("linear.histogram.exportHint"));

        ToggleButton integers = new ToggleButton(I18n.t("linear.view.integers"));
        integers.setId("viewIntegers");
        ToggleButton fp32 = new ToggleButton(I18n.t("linear.view.fp32"));
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
        legend.textProperty().bind(Bindings.createStringBinding(() -> I18n.t(vm.showFp32().get()
                ? "linear.histogram.legend.fp32" : "linear.histogram.legend.integers"), vm.showFp32()));
        VBox.setVgrow(grid, Priority.ALWAYS);
        Card weights = new Card(I18n.t("linear.histogram.card"), new VBox(6, grid, legend), view);

        subscriptions = subscriptions.and(vm.preview().subscribe((a, p) -> show(p)));
        subscriptions = subscriptions.and(vm.showFp32().subscribe((a, b) -> {
            (b ? fp32 : integers).setSelected(true);
            grid.show(vm.preview().get(), mode());
        }));
        show(vm.preview().get());

        accuracy = new AccuracyPanel(vm, ctx);
        GridPane layout = TabGrid.of(56, 50);
        layout.add(weights, 0, 0, 1, 2);
        layout.add(new Card(I18n.t("linear.details.card"), details(ctx)), 1, 0);
        layout.add(new Card(I18n.t("linear.eval.card"), accuracy), 1, 1);
        getChildren().addAll(header, noModel, controls(), layout);
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
            return I18n.t("linear.bits.chip", b, -(1 << (b - 1)), (1 << (b - 1)) - 1);
        }, vm.bits()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("linearBusy");
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.computing());
        Label message = new Label();
        message.setId("linearPreviewMessage");
        message.getStyleClass().add("muted");
        message.textProperty().bind(vm.previewMessage());
        Label title = new Label(I18n.t("linear.bits.label"));
        Ui.noShrink(title, slider, bits);
        HBox row = new HBox(12, title, slider, bits, busy, message);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private TabPane details(TabContext ctx) {
        ChartPane errorPane = new ChartPane(this::errorFigure, ctx.export());
        ChartPane rangePane = new ChartPane(this::rangeFigure, ctx.export());
        TableExport.install(scales, () -> ScalesTable.table(vm.preview().get()), ctx.export());
        Label scalesNote = new Label(I18n.t("linear.scales.note"));
        scalesNote.getStyleClass().add("muted");
        scalesNote.setWrapText(true);
        scalesNote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox.setVgrow(scales, Priority.ALWAYS);
        Tab e = new Tab(I18n.t("linear.details.error"), errorPane);
        Tab r = new Tab(I18n.t("linear.details.ranges"), rangePane);
        Tab s = new Tab(I18n.t("linear.details.scales"), new VBox(6, scales, scalesNote));
        TabPane tabs = new TabPane(e, r, s);
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
