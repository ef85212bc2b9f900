package dev.quantlab.app.kmeans;

import dev.quantlab.app.export.DataTable;
import dev.quantlab.app.i18n.Texts;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * The k-means results: bits, size by the lesson's rule, honest size, accuracy and drop versus fp32. Short headers
 * with the full name and unit in a tooltip; each column as wide as its widest text; as tall as its rows, so the
 * tab (not the table) scrolls and every row can be reached.
 */
final class ResultsTable extends TableView<RunResult> {
    static final double ROW_HEIGHT = 28;
    private static final double HEADER_HEIGHT = 32;
    private static final double PADDING = 28;

    private final Texts texts;

    ResultsTable(ObservableList<RunResult> rows, Texts texts) {
        super(rows);
        this.texts = texts;
        setId("kmeansResults");
        setPlaceholder(new Label(texts.t("kmeans.results.empty")));
        setFixedCellSize(ROW_HEIGHT);
        column("kmeans.results.model", r -> r.isFp32() ? "fp32" : texts.t("kmeans.results.bits",
                Integer.toString(r.bits())), false);
        column("kmeans.results.lessonSize", r -> number(r.lessonMib()), true);
        column("kmeans.results.honestSize", r -> number(r.honestMib()), true);
        column("kmeans.results.accuracy", r -> number(r.accuracy()), true);
        column("kmeans.results.drop", r -> r.isFp32() ? "–" : number(r.drop()), true);
        column("kmeans.results.images", r -> r.subset().isAll() ? "10,000"
                : String.format(Locale.ROOT, "%,d", r.subset().limit()), true);
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        rows.addListener((ListChangeListener<RunResult>) c -> fit());
        fit();
    }

    /** A column titled by {@code key}'s short text, its full name in the header's tooltip. */
    private void column(String key, Function<RunResult, String> value, boolean numeric) {
        TableColumn<RunResult, String> c = new TableColumn<>();
        Label header = new Label(texts.t(key + ".short"));
        header.setTooltip(new Tooltip(texts.t(key)));
        c.setGraphic(header);
        c.setUserData(value);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setSortable(false);
        c.setReorderable(false);
        if (numeric) {
            c.getStyleClass().add("numeric");
        }
        getColumns().add(c);
    }

    /** Each column as wide as its header or its widest cell; the table as tall as its rows. */
    @SuppressWarnings("unchecked")
    private void fit() {
        for (TableColumn<RunResult, ?> c : getColumns()) {
            Function<RunResult, String> value = (Function<RunResult, String>) c.getUserData();
            double w = textWidth(((Label) c.getGraphic()).getText());
            for (RunResult r : getItems()) {
                w = Math.max(w, textWidth(value.apply(r)));
            }
            c.setPrefWidth(Math.ceil(w + PADDING));
            c.setMinWidth(Math.ceil(w + PADDING));
        }
        double h = HEADER_HEIGHT + ROW_HEIGHT * Math.max(getItems().size(), 2) + 4;
        setMinHeight(h);
        setPrefHeight(h);
        setMaxHeight(h);
    }

    private static double textWidth(String s) {
        Text t = new Text(s);
        t.setFont(javafx.scene.text.Font.font(13));
        return t.getLayoutBounds().getWidth();
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
                Long.toString(r.settings().seed()))).toList();
        return new DataTable("kmeans-results", List.of("bits", "size_lesson_mib", "size_honest_mib",
                "accuracy_percent", "drop_points", "test_images_0_all", "init", "seed"), cells);
    }
}
