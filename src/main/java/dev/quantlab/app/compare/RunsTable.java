package dev.quantlab.app.compare;

import dev.quantlab.app.common.Columns;
import dev.quantlab.app.export.DataTable;
import dev.quantlab.app.i18n.I18n;
import dev.quantlab.results.RunRecord;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Every recorded run: method, bits, sizes, accuracy, test images, when, and its note. */
final class RunsTable extends TableView<RunRecord> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    RunsTable(ObservableList<RunRecord> runs) {
        super(runs);
        setId("runsTable");
        Label empty = new Label(I18n.t("compare.runs.empty"));
        empty.setWrapText(true);
        empty.setStyle("-fx-padding: 12;");
        setPlaceholder(empty);
        getColumns().add(Columns.text(I18n.t("compare.runs.method"), 110, r -> MethodStyle.name(r.method())));
        getColumns().add(Columns.text(I18n.t("compare.runs.bits"), 55, RunRecord::bitsLabel));
        getColumns().add(numeric("compare.runs.lessonMib", r -> num(r.lessonMib())));
        getColumns().add(numeric("compare.runs.storedMib", r -> num(r.storedMib())));
        getColumns().add(numeric("compare.runs.accuracy", r -> num(r.accuracy())));
        getColumns().add(numeric("compare.runs.images", r -> String.format(Locale.ROOT, "%,d", r.testImages())));
        TableColumn<RunRecord, String> when = Columns.text(I18n.t("compare.runs.when"), 115,
                r -> WHEN.format(r.timestamp()));
        TableColumn<RunRecord, String> note = Columns.text(I18n.t("compare.runs.note"), 160, RunRecord::note);
        when.setVisible(false); // shown from the table's column menu; always in the CSV
        note.setVisible(false);
        getColumns().add(when);
        getColumns().add(note);
        setTableMenuButtonVisible(true);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    }

    private static TableColumn<RunRecord, String> numeric(String key, Function<RunRecord, String> f) {
        TableColumn<RunRecord, String> c = Columns.text(I18n.t(key), 80, f);
        c.getStyleClass().add("numeric");
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
                r.timestamp().toString(), r.note())).toList();
        return new DataTable("recorded-runs", List.of("method", "weight_bits", "activation_bits", "lesson_mib",
                "stored_mib", "accuracy_percent", "test_images", "timestamp", "note"), rows);
    }
}
