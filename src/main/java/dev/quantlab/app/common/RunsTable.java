package dev.quantlab.app.common;

import dev.quantlab.app.export.DataTable;
import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.services.LinearRun;
import dev.quantlab.app.services.Numbers;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Finished integer-model runs: bit widths, sizes, accuracy, drop versus fp32 and test images. */
public final class RunsTable extends TableView<LinearRun> {

    public RunsTable(Texts texts, ObservableList<LinearRun> rows, String placeholderKey) {
        super(rows);
        setPlaceholder(new Label(texts.t(placeholderKey)));
        getColumns().add(Columns.text(texts.t("linear.runs.model"), 90, r -> r.modelName(texts)));
        getColumns().add(numeric(texts, "linear.runs.lessonMib", r -> Numbers.fixed(r.lessonMib(), 2)));
        getColumns().add(numeric(texts, "linear.runs.storedMib", r -> Numbers.fixed(r.storedMib(), 2)));
        getColumns().add(numeric(texts, "linear.runs.accuracy", r -> Numbers.fixed(r.accuracy(), 2)));
        getColumns().add(numeric(texts, "linear.runs.drop", r -> Numbers.fixed(r.drop(), 2)));
        getColumns().add(numeric(texts, "linear.runs.images", r -> Numbers.count(r.images())));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    }

    private static TableColumn<LinearRun, String> numeric(Texts texts, String key, Function<LinearRun, String> f) {
        TableColumn<LinearRun, String> c = Columns.text(texts.t(key), 80, f);
        c.getStyleClass().add("numeric");
        return c;
    }

    /** The runs as CSV. */
    public static DataTable table(String name, List<LinearRun> rows) {
        List<List<String>> cells = rows.stream().map(r -> List.of(r.method(),
                Integer.toString(r.config().weightBits()), Integer.toString(r.config().activationBits()),
                r.config().granularity().name(), r.config().requantMode().name(), Integer.toString(r.calibration()),
                String.format(Locale.ROOT, "%.4f", r.lessonMib()), String.format(Locale.ROOT, "%.4f", r.storedMib()),
                String.format(Locale.ROOT, "%.2f", r.accuracy()),
                Double.isNaN(r.fp32Accuracy()) ? "" : String.format(Locale.ROOT, "%.2f", r.fp32Accuracy()),
                Integer.toString(r.images()), String.format(Locale.ROOT, "%.2f", r.imagesPerSecond()))).toList();
        return new DataTable(name, List.of("method", "weight_bits", "activation_bits", "granularity", "requant",
                "calibration_images", "size_lesson_mib", "size_stored_mib", "accuracy_percent",
                "fp32_accuracy_percent", "test_images", "images_per_second"), cells);
    }
}
