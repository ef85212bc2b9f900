package dev.quantlab.app.kmeans;

import dev.quantlab.app.common.FittedColumns;
import dev.quantlab.app.export.DataTable;
import dev.quantlab.app.i18n.Texts;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The k-means results: bits, size by the lesson's rule, honest size, accuracy and drop versus fp32. Short headers
 * with the full name and unit in a tooltip; each column as wide as its widest text; as tall as its rows, so the
 * tab (not the table) scrolls and every row can be reached.
 */
final class ResultsTable extends TableView<RunResult> {
    static final double ROW_HEIGHT = 28;
    private static final double HEADER_HEIGHT = 32;

    private final Texts texts;
    private final FittedColumns<RunResult> columns = new FittedColumns<>(this);

    ResultsTable(ObservableList<RunResult> rows, Texts texts) {
        super(rows);
        this.texts = texts;
        setId("kmeansResults");
        setPlaceholder(new Label(texts.t("kmeans.results.empty")));
        setFixedCellSize(ROW_HEIGHT);
        column("kmeans.results.model", r -> r.isFp32() ? "fp32" : r.isMixed()
                ? texts.t("kmeans.results.mixed", r.widths())
                : texts.t("kmeans.results.bits", Integer.toString(r.bits())), false);
        column("kmeans.results.lessonSize", r -> number(r.lessonMib()), true);
        column("kmeans.results.honestSize", r -> number(r.honestMib()), true);
        column("kmeans.results.accuracy", r -> number(r.accuracy()), true);
        column("kmeans.results.drop", r -> r.isFp32() ? "–" : number(r.drop()), true);
        column("kmeans.results.images", r -> r.subset().isAll() ? "10,000"
                : String.format(Locale.ROOT, "%,d", r.subset().limit()), true);
        for (TableColumn<RunResult, ?> c : getColumns()) {
            c.setReorderable(false);
        }
        rows.addListener((ListChangeListener<RunResult>) c -> fitHeight());
        fitHeight();
    }

    /** A column titled by {@code key}'s short text, its full name in the header's tooltip. */
    private void column(String key, Function<RunResult, String> value, boolean numeric) {
        if (numeric) {
            columns.addNumeric(texts.t(key + ".short"), texts.t(key), value);
        } else {
            columns.add(texts.t(key + ".short"), texts.t(key), value);
        }
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        columns.fit();
    }

    /** The table as tall as its rows. */
    private void fitHeight() {
        double h = HEADER_HEIGHT + ROW_HEIGHT * Math.max(getItems().size(), 2) + 4;
        setMinHeight(h);
        setPrefHeight(h);
        setMaxHeight(h);
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** The rows as a CSV table (numbers unformatted). */
    static DataTable table(List<RunResult> rows) {
        List<List<String>> cells = rows.stream().map(r -> List.of(Integer.toString(r.bits()),
                String.format(Locale.ROOT, "%.4f", r.lessonMib()), String.format(Locale.ROOT, "%.4f", r.honestMib()),
                String.format(Locale.ROOT, "%.2f", r.accuracy()), String.format(Locale.ROOT, "%.2f", r.drop()),
                Integer.toString(r.subset().limit()), r.settings().init().name(),
                Long.toString(r.settings().seed()), r.widths())).toList();
        return new DataTable("kmeans-results", List.of("bits", "size_lesson_mib", "size_honest_mib",
                "accuracy_percent", "drop_points", "test_images_0_all", "init", "seed",
                "mixed_widths_conv0_to_fc"), cells);
    }
}
