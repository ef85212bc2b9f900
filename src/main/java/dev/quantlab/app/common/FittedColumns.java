package dev.quantlab.app.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * Table columns with a short header and a tooltip giving the full name or unit, each as wide as its widest text
 * (header or cell), re-fitted whenever the rows change: no header or number is cut off.
 */
public final class FittedColumns {
    private static final double PADDING = 24;

    private FittedColumns() { }

    /** A read-only text column headed {@code header}, with {@code tooltip} over the header. */
    public static <R> TableColumn<R, String> text(String header, String tooltip, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>();
        Label h = new Label(header);
        h.setTooltip(new Tooltip(tooltip));
        h.setMinWidth(Label.USE_PREF_SIZE);
        c.setGraphic(h);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    /** Fits every column now and after every change of the rows. */
    public static void install(TableView<?> table) {
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getItems().addListener((ListChangeListener<Object>) ch -> fit(table));
        fit(table);
    }

    /** Sets each column's width to its widest text plus padding. */
    public static void fit(TableView<?> table) {
        for (TableColumn<?, ?> c : table.getColumns()) {
            double w = width(c.getGraphic() instanceof Label l ? l.getText() : c.getText());
            for (int i = 0; i < table.getItems().size(); i++) {
                Object v = c.getCellData(i);
                w = Math.max(w, width(v == null ? "" : v.toString()));
            }
            c.setPrefWidth(Math.ceil(w + PADDING));
            c.setMinWidth(Math.ceil(w + PADDING));
        }
    }

    private static double width(String s) {
        return s == null ? 0 : new Text(s).getLayoutBounds().getWidth() * 1.1;
    }
}
