package dev.quantlab.app.qat;

import dev.quantlab.app.common.Columns;
import dev.quantlab.app.export.DataTable;
import dev.quantlab.app.i18n.I18n;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Finished QAT runs: bits, rule, accuracy before and after, epochs, time. */
final class QatResultsTable extends TableView<QatRow> {
    QatResultsTable(ObservableList<QatRow> rows) {
        super(rows);
        setId("qatResults");
        setPlaceholder(new Label(I18n.t("qat.table.empty")));
        getColumns().add(Columns.text(I18n.t("qat.table.bits"), 50, r -> Integer.toString(r.bits())));
        getColumns().add(Columns.text(I18n.t("qat.table.rule"), 110, r -> QatViewModel.ruleName(r.rule())));
        getColumns().add(numeric(I18n.t("qat.table.fp32"), r -> QatViewModel.fmt(r.fp32())));
        getColumns().add(numeric(I18n.t("qat.table.before"), r -> QatViewModel.fmt(r.before())));
        getColumns().add(numeric(I18n.t("qat.table.after"), r -> r.trained() ? QatViewModel.fmt(r.after())
                : I18n.t("qat.table.notNeeded")));
        getColumns().add(numeric(I18n.t("qat.table.epochs"), r -> r.epochs() + " × "
                + QatViewModel.percent(r.fraction())));
        getColumns().add(numeric(I18n.t("qat.table.images"), r -> String.format(Locale.ROOT, "%,d", r.testImages())));
        getColumns().add(numeric(I18n.t("qat.table.time"), r -> String.format(Locale.ROOT, "%.0f s", r.seconds())));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    }

    private static TableColumn<QatRow, String> numeric(String title, Function<QatRow, String> f) {
        TableColumn<QatRow, String> c = Columns.text(title, 80, f);
        c.getStyleClass().add("numeric");
        return c;
    }

    /** The rows as CSV (numbers unformatted). */
    static DataTable table(List<QatRow> rows) {
        List<List<String>> cells = rows.stream().map(r -> List.of(Integer.toString(r.bits()),
                r.rule().name().toLowerCase(Locale.ROOT), num(r.fp32()), num(r.before()), num(r.after()),
                Boolean.toString(r.trained()), Integer.toString(r.epochs()), Double.toString(r.fraction()),
                String.format(Locale.ROOT, "%.1f", r.seconds()), Integer.toString(r.testImages()))).toList();
        return new DataTable("qat-results", List.of("bits", "rule", "fp32_percent", "before_percent",
                "after_percent", "trained", "epochs", "epoch_fraction", "seconds", "test_images"), cells);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
