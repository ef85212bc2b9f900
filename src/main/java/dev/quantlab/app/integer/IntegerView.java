package dev.quantlab.app.integer;

import dev.quantlab.app.common.Banner;
import dev.quantlab.app.common.Card;
import dev.quantlab.app.common.RunsTable;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.TabHeader;
import dev.quantlab.app.export.DataTable;
import dev.quantlab.app.export.Figure;
import dev.quantlab.app.export.FigureSet;
import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.services.DatasetService;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * The Integer tab's layout, scrolling at small window sizes: the four engines, the run of fp32 versus the integer
 * model beside why the speeds differ (with this machine's numbers), and the worked example below.
 */
final class IntegerView extends ScrollPane {
    private final IntegerViewModel vm;
    private final WorkedExampleView example;
    private final ComparisonPanel panel;
    private final EnginesPanel engines;
    private final VBox why = new VBox(6);
    private final Subscription subscriptions;

    IntegerView(IntegerViewModel vm, TabContext ctx, Texts texts) {
        this.vm = vm;
        TabHeader header = new TabHeader(texts, "6", texts.t("integer.title"), texts.t("integer.subtitle"));
        header.exportAllButton().setText(texts.t("integer.exportAll"));
        header.exportAllButton().setOnAction(e -> ctx.export().exportAll(this::figures));
        Banner noModel = Banner.missingModel(texts, ctx.services().model(), ctx.prompts());
        Banner noData = new Banner(new SimpleStringProperty(texts.t("integer.data.missing")),
                ctx.services().data().status().isNotEqualTo(DatasetService.Status.AVAILABLE),
                texts.t("integer.data.get"), ctx.prompts()::needData);
        panel = new ComparisonPanel(vm, ctx, texts);
        engines = new EnginesPanel(vm.engines(), ctx, texts);
        example = new WorkedExampleView(vm, ctx, texts);

        Card run = new Card(texts.t("integer.run.card"), new VBox(12, panel.controls(), panel.results()));
        Card race = new Card(texts.t("integer.engines.card"), engines);
        run.setMinWidth(380);
        run.setMaxWidth(460);
        why.setId("integerWhy");
        Card explanation = new Card(texts.t("integer.why.card"), why);
        HBox.setHgrow(explanation, Priority.ALWAYS);
        HBox middle = new HBox(12, run, explanation);
        Card worked = new Card(texts.t("integer.example.card"), example);
        worked.setMinHeight(460);
        VBox content = new VBox(12, header, noModel, noData, race, middle, worked);
        content.getStyleClass().add("tab-content");
        setContent(content);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        getStyleClass().add("edge-to-edge");
        subscriptions = vm.engines().outcome().subscribe(o -> showWhy(texts, o));
    }

    private void showWhy(Texts texts, EngineRace.Outcome o) {
        List<String> paragraphs = o == null ? EngineExplanation.before(texts) : EngineExplanation.of(texts, o);
        why.getChildren().clear();
        for (int i = 0; i < paragraphs.size(); i++) {
            Label l = new Label(paragraphs.get(i));
            l.setId("why-" + i);
            l.setWrapText(true);
            l.setMinHeight(USE_PREF_SIZE);
            why.getChildren().add(l);
        }
    }

    FigureSet figures() {
        List<Figure> figures = new ArrayList<>();
        List<DataTable> tables = new ArrayList<>();
        Comparison c = vm.comparison().get();
        if (c != null) {
            tables.add(RunsTable.table("integer-run", List.of(c.run())));
        }
        EngineRace.Outcome o = vm.engines().outcome().get();
        if (o != null) {
            figures.add(engines.figure());
            tables.add(engines.data(o));
        }
        if (vm.example().get() != null) {
            tables.add(example.steps().table());
        }
        return new FigureSet(figures, tables);
    }

    /** Detaches from the view model (the view is being replaced after a language switch). */
    void dispose() {
        subscriptions.unsubscribe();
        panel.dispose();
        engines.dispose();
        example.dispose();
    }
}
