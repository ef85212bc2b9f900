package dev.quantlab.app.qat;

import dev.quantlab.app.common.FittedColumns;
import dev.quantlab.app.export.DataTable;
import dev.quantlab.app.i18n.Texts;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;

/**
 * Finished QAT runs: bits, rule, accuracy before and after, epochs (a stopped run marked so), test images, time.
 * Short headers, each with a tooltip giving its full name and unit; every column as wide as its widest text, so no
 * number is cut off (the table scrolls sideways where the tab is narrower).
 */
final class QatResultsTable extends TableView<QatRow> {
    private final FittedColumns<QatRow> columns = new FittedColumns<>(this);

    QatResultsTable(ObservableList<QatRow> rows, Texts t) {
        super(rows);
        setId("qatResults");
        setPlaceholder(new Label(t.t("qat.table.empty")));
        column(t, "bits", r -> Integer.toString(r.bits()), false);
        column(t, "rule", r -> QatTexts.ruleName(r.rule(), t), false);
        column(t, "fp32", r -> QatTexts.fmt(r.fp32()), true);
        column(t, "before", r -> QatTexts.fmt(r.before()), true);
        column(t, "after", r -> r.trained() ? QatTexts.fmt(r.after()) : t.t("qat.table.notNeeded"), true);
        column(t, "epochs", r -> epochs(r, t), true);
        column(t, "images", r -> String.format(Locale.ROOT, "%,d", r.testImages()), true);
        column(t, "time", r -> QatTexts.duration(r.seconds(), t), true);
    }

    /** "2 × 5%", or for a stopped run "1 of 5 × 5%, stopped". */
    static String epochs(QatRow r, Texts t) {
        String share = QatTexts.percent(r.fraction());
        return r.stopped() ? t.t("qat.table.epochs.stopped", r.epochs(), r.plannedEpochs(), share)
                : t.t("qat.table.epochs.run", r.epochs(), share);
    }

    private void column(Texts t, String key, Function<QatRow, String> text, boolean numeric) {
        String header = t.t("qat.table." + key);
        String tip = t.t("qat.table." + key + ".tip");
        if (numeric) {
            columns.addNumeric(header, tip, text);
        } else {
            columns.add(header, tip, text);
        }
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        columns.fit();
    }

    /** The rows as CSV (numbers unformatted). */
    static DataTable table(List<QatRow> rows) {
        List<List<String>> cells = rows.stream().map(r -> List.of(Integer.toString(r.bits()),
                r.rule().name().toLowerCase(Locale.ROOT), num(r.fp32()), num(r.before()), num(r.after()),
                Boolean.toString(r.trained()), Integer.toString(r.epochs()), Integer.toString(r.plannedEpochs()),
                Boolean.toString(r.stopped()), Double.toString(r.fraction()),
                String.format(Locale.ROOT, "%.1f", r.seconds()), Integer.toString(r.testImages()))).toList();
        return new DataTable("qat-results", List.of("bits", "rule", "fp32_percent", "before_percent",
                "after_percent", "trained", "epochs", "planned_epochs", "stopped", "epoch_fraction", "seconds",
                "test_images"), cells);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
