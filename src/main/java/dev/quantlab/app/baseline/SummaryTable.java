package dev.quantlab.app.baseline;

import dev.quantlab.app.common.FittedColumns;
import dev.quantlab.app.i18n.Texts;
import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * The model summary: every tensor (without the "backbone." prefix; the full name and kind in the row's tooltip),
 * its shape, parameters and size at 32 bits. Columns fit their content; the table scrolls sideways where the card
 * is narrower, so no shape or number is cut off.
 */
final class SummaryTable extends TableView<ModelSummary.Row> {
    private static final PseudoClass BUFFER = PseudoClass.getPseudoClass("buffer");
    private final FittedColumns<ModelSummary.Row> columns = new FittedColumns<>(this);

    SummaryTable(List<ModelSummary.Row> rows, Texts texts) {
        setId("summaryTable");
        getItems().setAll(rows);
        columns.add(texts.t("baseline.summary.tensor"), null, r -> r.name().replaceFirst("^backbone\\.", ""));
        columns.add(texts.t("baseline.summary.shape"), null, r -> ModelSummary.shapeText(r, texts));
        columns.addNumeric(texts.t("baseline.summary.params"), null,
                r -> r.parameter() ? String.format(Locale.ROOT, "%,d", r.params()) : "–");
        columns.addNumeric(texts.t("baseline.summary.mib"), null,
                r -> r.parameter() ? String.format(Locale.ROOT, "%.4f", r.sizeMib()) : "–");
        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ModelSummary.Row row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(BUFFER, !empty && row != null && !row.parameter());
                setTooltip(empty || row == null ? null
                        : new Tooltip(row.name() + ": " + ModelSummary.kindText(row.type(), texts)));
            }
        });
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        columns.fit();
    }
}
