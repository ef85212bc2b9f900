package dev.quantlab.app.kmeans;

import dev.quantlab.app.common.Banner;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.TabHeader;
import dev.quantlab.app.export.DataTable;
import dev.quantlab.app.export.FigureSet;
import dev.quantlab.app.i18n.Texts;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * The k-means tab's layout, top to bottom in a vertical scroll: the header, one layer (slider, histogram, 5x5
 * demo), the whole-model runs, and the per-layer sensitivity. Binds only; {@link #dispose()} detaches it.
 */
final class KMeansView {
    private final KMeansViewModel vm;
    private final LayerCard layer;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final ScrollPane scroll;

    KMeansView(KMeansViewModel vm, TabContext ctx, Texts texts) {
        this.vm = vm;
        TabHeader header = new TabHeader(texts, "2–3", texts.t("kmeans.header.title"), texts.t("kmeans.header.subtitle"));
        header.exportAllButton().setOnAction(e -> ctx.export().exportAll(this::figures));
        Banner noModel = Banner.missingModel(texts, ctx.services().model(), ctx.prompts());
        layer = new LayerCard(vm.layer(), texts, ctx.export(), subscriptions::add);
        RunsCard runs = new RunsCard(vm.runs(), texts, ctx.prompts(), ctx.export(), vm.layer().bits());
        SensitivityCard sensitivity = new SensitivityCard(vm.sensitivity(), texts, ctx.prompts(), subscriptions::add,
                vm::quantizeChosenPlan, vm.runs().job().runningProperty());
        VBox content = new VBox(12, header, noModel, layer.node(), runs.node(), sensitivity.node());
        content.getStyleClass().add("tab-content");
        scroll = new ScrollPane(content);
        scroll.setId("kmeansScroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    }

    ScrollPane node() {
        return scroll;
    }

    /** Stops following the view model (the view is replaced after a language switch). */
    void dispose() {
        subscriptions.forEach(Subscription::unsubscribe);
        subscriptions.clear();
    }

    FigureSet figures() {
        List<DataTable> tables = new ArrayList<>();
        tables.add(ResultsTable.table(vm.runs().results()));
        tables.add(demoTable(vm.layer().demo().get(), vm.layer().bits().get()));
        tables.add(SensitivityCard.table(vm.sensitivity().grid().get()));
        return new FigureSet(layer.figures(), tables);
    }

    static DataTable demoTable(DemoTensor.Quantized d, int bits) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < d.original().length; i++) {
            rows.add(List.of(Integer.toString(i / DemoTensor.SIZE), Integer.toString(i % DemoTensor.SIZE),
                    Float.toString(d.original()[i]), Float.toString(d.quantized()[i])));
        }
        return new DataTable("kmeans-demo-5x5-" + bits + "bit", List.of("row", "col", "fp32", "quantized"), rows);
    }
}
