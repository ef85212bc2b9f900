package dev.quantlab.app.qat;

import dev.quantlab.app.export.DataTable;
import dev.quantlab.app.i18n.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Finished QAT runs: bits, rule, accuracy before and after, epochs (a stopped run marked so), test images, time.
 * Short headers, each with a tooltip giving its full name and unit; every column as wide as its widest text, so no
 * number is cut off (the table scrolls sideways where the tab is narrower).
 */
final class QatResultsTable extends TableView<QatRow> {
    /** Cell padding and a margin for the header's sort arrow space. */
    private static final double PAD = 26;
    private final List<Function<QatRow, String>> texts = new ArrayList<>();
    private final ListChangeListener<QatRow> onRows = c -> fitLater();

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
        rows.addListener(onRows);
        skinProperty().addListener((o, a, s) -> fitLater());
        fitLater();
    }

    /** "2 × 5%", or for a stopped run "1 of 5 × 5%, stopped". */
    static String epochs(QatRow r, Texts t) {
        String share = QatTexts.percent(r.fraction());
        return r.stopped() ? t.t("qat.table.epochs.stopped", r.epochs(), r.plannedEpochs(), share)
                : t.t("qat.table.epochs.run", r.epochs(), share);
    }

    private void column(Texts t, String key, Function<QatRow, String> text, boolean numeric) {
        TableColumn<QatRow, String> c = new TableColumn<>();
        Label header = new Label(t.t("qat.table." + key));
        header.setTooltip(new Tooltip(t.t("qat.table." + key + ".tip")));
        c.setGraphic(header);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        c.setSortable(false);
        if (numeric) {
            c.getStyleClass().add("numeric");
        }
        getColumns().add(c);
        texts.add(text);
    }

    private void fitLater() {
        Platform.runLater(this::fit);
    }

    /** Sets every column to the width of its widest text (header or cell) in the font the cells use. */
    void fit() {
        Font font = cellFont();
        for (int i = 0; i < getColumns().size(); i++) {
            TableColumn<QatRow, ?> c = getColumns().get(i);
            double w = width(((Label) c.getGraphic()).getText(), font);
            for (QatRow r : getItems()) {
                w = Math.max(w, width(texts.get(i).apply(r), font));
            }
            c.setPrefWidth(Math.ceil(w + PAD));
            c.setMinWidth(Math.ceil(w + PAD));
        }
    }

    private Font cellFont() {
        Node cell = lookup(".table-cell");
        Font f = cell instanceof Labeled l ? l.getFont() : ((Label) getColumns().get(0).getGraphic()).getFont();
        return Font.font(f.getFamily(), javafx.scene.text.FontWeight.BOLD, f.getSize()); // bold: the widest case
    }

    private static double width(String s, Font font) {
        Text text = new Text(s);
        text.setFont(font);
        return text.getLayoutBounds().getWidth();
    }

    void dispose() {
        getItems().removeListener(onRows);
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
