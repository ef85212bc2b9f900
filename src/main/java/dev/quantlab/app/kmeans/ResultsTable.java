package dev.quantlab.app.kmeans;

import dev.quantlab.app.i18n.I18n;
import dev.quantlab.app.common.Columns;
import dev.quantlab.app.export.DataTable;
import java.util.List;
import java.util.Locale;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The k-means results: bits, size by the lesson's rule, honest size, accuracy and drop versus fp32. */
final class ResultsTable extends TableView<RunResult> {
    ResultsTable(ObservableList<RunResult> rows) {
        super(rows);
        setId("kmeansResults");
        setPlaceholder(new Label(I18n.t("kmeans.results.empty")));
        getColumns().add(Columns.text(I18n.t("kmeans.results.model"), 90, ResultsTable::model));
        getColumns().add(numeric(I18n.t("kmeans.results.lessonSize"), r -> number(r.lessonMib())));
        getColumns().add(numeric(I18n.t("kmeans.results.honestSize"), r -> number(r.honestMib())));
        getColumns().add(numeric(I18n.t("kmeans.results.accuracy"), r -> number(r.accuracy())));
        getColumns().add(numeric(I18n.t("kmeans.results.drop"), r -> r.isFp32() ? "–" : number(r.drop())));
        getColumns().add(numeric(I18n.t("kmeans.results.images"), r -> r.subset().isAll() ? "10,000"
                : String.format(Locale.ROOT, "%,d", r.subset().limit())));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    }

    private static String model(RunResult r) {
        return r.isFp32() ? "fp32" : I18n.t("kmeans.results.bits", Integer.toString(r.bits()));
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static TableColumn<RunResult, String> numeric(String title, java.util.function.Function<RunResult, String> f) {
        TableColumn<RunResult, String> c = Columns.text(title, 110, f);
        c.getStyleClass().add("numeric");
        return c;
    }

    /** The rows as a CSV table (numbers unformatted). */
    static DataTable table(List<RunResult> rows) {
        List<List<String>> cells = rows.stream().map(r -> List.of(Integer.toString(r.bits()),
                String.format(Locale.ROOT, "%.4f", r.lessonMib()), String.format(Locale.ROOT, "%.4f", r.honestMib()),
                String.format(Locale.ROOT, "%.2f", r.accuracy()), String.format(Locale.ROOT, "%.2f", r.drop()),
                Integer.toString(r.subset().limit()), r.settings().init().name(),
                Long.toString(r.settings().seed()))).toList();
        return new DataTable("kmeans-results", List.of("bits", "size_lesson_mib", "size_honest_mib",
                "accuracy_percent", "drop_points", "test_images_0_all", "init", "seed"), cells);
    }
}
