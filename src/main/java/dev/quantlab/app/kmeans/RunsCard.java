package dev.quantlab.app.kmeans;

import dev.quantlab.app.charts.TableExport;
import dev.quantlab.app.common.Card;
import dev.quantlab.app.common.Prompts;
import dev.quantlab.app.common.SubsetChoice;
import dev.quantlab.app.common.Ui;
import dev.quantlab.app.export.ExportActions;
import dev.quantlab.app.i18n.Texts;
import java.io.File;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The "whole model" card: quantize, the lesson's sweep, save as a packed file, and the results table. */
final class RunsCard {
    private final RunsViewModel vm;
    private final Texts texts;
    private final Card card;

    RunsCard(RunsViewModel vm, Texts texts, Prompts prompts, ExportActions export, javafx.beans.value.ObservableIntegerValue bits) {
        this.vm = vm;
        this.texts = texts;
        Button quantize = new Button();
        quantize.setId("quantizeButton");
        quantize.getStyleClass().add("accent");
        quantize.textProperty().bind(Bindings.createStringBinding(() -> texts.t("kmeans.quantize",
                Integer.toString(bits.get())), bits));
        quantize.setOnAction(e -> prompts.explain(vm.quantizeAtCurrentBits()));
        Button sweep = new Button(texts.t("kmeans.sweep"));
        sweep.setId("sweepButton");
        sweep.setOnAction(e -> prompts.explain(vm.lessonSweep()));
        Button save = new Button();
        save.setId("savePackedButton");
        save.textProperty().bind(Bindings.createStringBinding(() -> texts.t("kmeans.save",
                Integer.toString(bits.get())), bits));
        save.setTooltip(new Tooltip(texts.t("kmeans.save.tooltip")));
        save.setOnAction(e -> choose(save.getScene() == null ? null : save.getScene().getWindow(), bits.get())
                .ifPresent(f -> prompts.explain(vm.savePacked(f.toPath()))));
        for (Button b : new Button[] {quantize, sweep, save}) {
            b.disableProperty().bind(vm.job().runningProperty());
        }
        Button cancel = new Button(texts.t("kmeans.cancel"));
        cancel.setId("cancelRuns");
        cancel.disableProperty().bind(vm.job().runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        SubsetChoice subset = new SubsetChoice(texts, vm.subset());
        String help = subset.getTooltip() == null ? "" : "\n" + subset.getTooltip().getText();
        Tooltip subsetTip = new Tooltip();
        subsetTip.textProperty().bind(Bindings.createStringBinding(() -> vm.subset().get() + help, vm.subset()));
        subset.setTooltip(subsetTip);
        ProgressBar bar = new ProgressBar(0);
        bar.progressProperty().bind(vm.job().progressProperty());
        bar.setPrefWidth(160);
        Label status = LayerCard.mutedWithTooltip();
        status.setId("runsStatus");
        status.textProperty().bind(vm.job().messageProperty());
        status.setWrapText(true);
        Label on = new Label(texts.t("kmeans.on"));
        Ui.noShrink(quantize, sweep, save, on, subset, cancel, bar);
        FlowPane row = new FlowPane(8, 6, quantize, sweep, on, subset, save, cancel, bar);
        row.setAlignment(Pos.CENTER_LEFT);
        ResultsTable table = new ResultsTable(vm.results(), texts);
        Supplier<dev.quantlab.app.export.DataTable> data = () -> ResultsTable.table(vm.results());
        TableExport.install(table, data, export);
        this.card = new Card(texts.t("kmeans.card.model"), new VBox(8, row, status, table));
    }

    /** Asks where to save the packed model; empty if the learner cancels. */
    private java.util.Optional<File> choose(Window owner, int bits) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.t("kmeans.save.title"));
        chooser.setInitialFileName("kmeans-" + bits + "bit.safetensors");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.t("kmeans.save.filter"),
                "*.safetensors"));
        return java.util.Optional.ofNullable(chooser.showSaveDialog(owner));
    }

    Card node() {
        return card;
    }
}
