package dev.quantlab.app.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Text columns of a table sized to their content: each column is as wide as its header and its widest cell in the
 * fonts on screen (so in the CJK font too), never narrower; the table scrolls sideways when they do not all fit.
 * A header may carry a tooltip (its unit or full name). Call {@link #fit} from the table's layout.
 */
final class FittedColumns<R> {
    /** Room beside the text and its padding, for rounding (px). */
    private static final double SLACK = 3;
    /** Room the column-menu button ("+") takes over the last header (px). */
    private static final double MENU_BUTTON = 24;
    /** Padding assumed before the cells and headers are styled (px, each side). */
    private static final double DEFAULT_PADDING = 10;
    private final TableView<R> table;
    private final Map<TableColumn<R, String>, Function<R, String>> values = new HashMap<>();
    private final Map<TableColumn<R, String>, String> tips = new HashMap<>();
    private final List<TableColumn<R, String>> columns = new ArrayList<>();

    FittedColumns(TableView<R> table) {
        this.table = table;
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    }

    /** A column titled {@code header}, with {@code tooltip} on its header when not null. */
    TableColumn<R, String> add(String id, String header, String tooltip, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(header);
        c.setId(id);
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        values.put(c, value);
        if (tooltip != null) {
            tips.put(c, tooltip);
        }
        columns.add(c);
        table.getColumns().add(c);
        return c;
    }

    /** Widens or narrows every column to its content and puts the header tooltips on; cheap when nothing changed. */
    void fit() {
        Node cell = table.lookup(".table-cell");
        Node headerLabel = table.lookup(".column-header .label");
        Font cellFont = font(cell);
        Font headerFont = font(headerLabel);
        double cellPadding = padding(cell);
        double headerPadding = padding(headerLabel) + padding(table.lookup(".column-header"));
        TableColumn<R, String> lastVisible = null;
        for (TableColumn<R, String> c : columns) {
            if (c.isVisible()) {
                lastVisible = c;
            }
        }
        for (TableColumn<R, String> c : columns) {
            double need = width(c.getText(), headerFont) + headerPadding;
            if (c == lastVisible && table.isTableMenuButtonVisible()) {
                need += MENU_BUTTON; // the table's column-menu button lies over the end of the last header
            }
            for (R row : table.getItems()) {
                need = Math.max(need, width(values.get(c).apply(row), cellFont) + cellPadding);
            }
            need = Math.ceil(need + SLACK);
            if (Math.abs(c.getPrefWidth() - need) > 0.5) {
                c.setMinWidth(need);
                c.setPrefWidth(need);
            }
            String tip = tips.get(c);
            if (tip != null) {
                for (Node header : table.lookupAll("#" + c.getId())) { // the cells carry the column's id too
                    if (header instanceof TableColumnHeader
                            && !tip.equals(header.getProperties().get(FittedColumns.class))) {
                        Tooltip.install(header, new Tooltip(tip));
                        header.getProperties().put(FittedColumns.class, tip);
                    }
                }
            }
        }
    }

    private static Font font(Node n) {
        return n instanceof Labeled l ? l.getFont() : Font.getDefault();
    }

    /** Left and right padding of {@code n} once styled. */
    private static double padding(Node n) {
        return n instanceof Region r ? r.snappedLeftInset() + r.snappedRightInset() : 2 * DEFAULT_PADDING;
    }

    /** The width of {@code s} in {@code font}. */
    static double width(String s, Font font) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
