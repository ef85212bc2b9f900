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
import javafx.scene.control.TableView;

/** Finished integer-model runs: bit widths, sizes, accuracy, drop versus fp32 and test images. */
public final class RunsTable extends TableView<LinearRun> {
    private final FittedColumns<LinearRun> columns = new FittedColumns<>(this);

    public RunsTable(ObservableList<LinearRun> rows, Texts texts, String placeholderKey) {
        super(rows);
        setPlaceholder(new Label(texts.t(placeholderKey)));
        columns.add(texts.t("linear.runs.model"), texts.t("linear.runs.model.tip"), r -> r.modelName(texts));
        numeric(texts, "linear.runs.lessonMib", r -> Numbers.fixed(r.lessonMib(), 2));
        numeric(texts, "linear.runs.storedMib", r -> Numbers.fixed(r.storedMib(), 2));
        numeric(texts, "linear.runs.accuracy", r -> Numbers.fixed(r.accuracy(), 2));
        numeric(texts, "linear.runs.drop", r -> Numbers.fixed(r.drop(), 2));
        numeric(texts, "linear.runs.images", r -> Numbers.count(r.images()));
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        columns.fit();
    }

    private void numeric(Texts texts, String key, Function<LinearRun, String> f) {
        columns.addNumeric(texts.t(key), texts.t(key + ".tip"), f);
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
