package dev.quantlab.app.compare;

import dev.quantlab.app.common.FittedColumns;
import dev.quantlab.app.export.DataTable;
import dev.quantlab.app.i18n.Texts;
import dev.quantlab.results.RunRecord;
import dev.quantlab.results.StoppedRun;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * Every recorded run: method (a stopped QAT run marked as such), bits, the lesson's size and the size on disk,
 * accuracy, test images; when and its note from the column menu. Columns fit their content; short headers carry
 * the unit or full name in a tooltip.
 */
final class RunsTable extends TableView<RunRecord> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());
    private final FittedColumns<RunRecord> columns = new FittedColumns<>(this);

    RunsTable(ObservableList<RunRecord> runs, Texts t) {
        super(runs);
        setId("runsTable");
        Label empty = new Label(t.t("compare.runs.empty"));
        empty.setWrapText(true);
        empty.setStyle("-fx-padding: 12;");
        setPlaceholder(empty);
        id("runMethod", columns.add(t.t("compare.runs.method"), null, r -> methodText(r, t)));
        id("runBits", columns.add(t.t("compare.runs.bits"), t.t("compare.runs.bits.tip"), RunsTable::bitsText));
        id("runLessonMib", columns.addNumeric(t.t("compare.runs.lessonMib"), t.t("compare.runs.lessonMib.tip"),
                r -> num(r.lessonMib())));
        id("runStoredMib", columns.addNumeric(t.t("compare.runs.storedMib"), t.t("compare.runs.storedMib.tip"),
                r -> num(r.storedMib())));
        id("runAccuracy", columns.addNumeric(t.t("compare.runs.accuracy"), t.t("compare.runs.accuracy.tip"),
                r -> num(r.accuracy())));
        id("runImages", columns.addNumeric(t.t("compare.runs.images"), t.t("compare.runs.images.tip"),
                r -> String.format(Locale.ROOT, "%,d", r.testImages())));
        TableColumn<RunRecord, String> when = id("runWhen", columns.add(t.t("compare.runs.when"), null,
                r -> WHEN.format(r.timestamp())));
        TableColumn<RunRecord, String> note = id("runNote", columns.add(t.t("compare.runs.note"), null,
                RunRecord::note));
        when.setVisible(false); // shown from the table's column menu; always in the CSV
        note.setVisible(false);
        setTableMenuButtonVisible(true);
        setRowFactory(v -> new TableRow<>() {
            @Override
            protected void updateItem(RunRecord r, boolean empty) {
                super.updateItem(r, empty);
                setTooltip(empty || r == null || r.note().isEmpty() ? null : new Tooltip(rowTip(r, t)));
            }
        });
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        columns.fit();
    }

    /** "W4A4", or "W4A4 · MSE" for a run whose activation ranges were not the lesson's min/max. */
    static String bitsText(RunRecord r) {
        return r.bitsLabel() + r.activationRanges().map(m -> " · " + m).orElse("");
    }

    /** "k-means + QAT (stopped 3/5)" for a stopped QAT run, else the method's name. */
    static String methodText(RunRecord r, Texts t) {
        String name = MethodStyle.name(r.method(), t);
        return StoppedRun.of(r).map(s -> t.t("compare.runs.stopped", name, s.epochs(), s.planned())).orElse(name);
    }

    private static String rowTip(RunRecord r, Texts t) {
        String tip = r.note();
        return StoppedRun.of(r).map(s -> t.t("compare.runs.stopped.tip", s.epochs(), s.planned()) + "\n" + tip)
                .orElse(tip);
    }

    private static TableColumn<RunRecord, String> id(String id, TableColumn<RunRecord, String> c) {
        c.setId(id);
        return c;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** The runs as CSV (method ids and ISO timestamps, for scripts). */
    static DataTable table(List<RunRecord> runs) {
        List<List<String>> rows = runs.stream().map(r -> List.of(r.method().id(), Integer.toString(r.weightBits()),
                Integer.toString(r.activationBits()), String.format(Locale.ROOT, "%.4f", r.lessonMib()),
                String.format(Locale.ROOT, "%.4f", r.storedMib()), num(r.accuracy()), Integer.toString(r.testImages()),
                StoppedRun.of(r).map(s -> s.epochs() + "/" + s.planned()).orElse(""),
                r.timestamp().toString(), r.note())).toList();
        return new DataTable("recorded-runs", List.of("method", "weight_bits", "activation_bits", "lesson_mib",
                "stored_mib", "accuracy_percent", "test_images", "stopped_after_epochs", "timestamp", "note"), rows);
    }
}
