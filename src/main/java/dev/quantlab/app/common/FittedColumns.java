package dev.quantlab.app.common;

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
 * Read-only text columns of a table, each as wide as its header and its widest cell measured in the fonts and
 * paddings on screen (so in the CJK font too), never narrower; the table scrolls sideways when they do not all fit.
 * A header may carry a tooltip (its unit or full name) over the whole header cell. The table calls {@link #fit}
 * from its {@code layoutChildren}, so the widths follow the rows, the language and the style sheet.
 */
public final class FittedColumns<R> {
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
    private final Map<Font, Map<String, Double>> measuredWidths = new HashMap<>();

    public FittedColumns(TableView<R> table) {
        this.table = table;
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    }

    /** Adds a column titled {@code header}, with {@code tooltip} over its header when not null. */
    public TableColumn<R, String> add(String header, String tooltip, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(header);
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

    /** Adds a right-aligned (number) column; see {@link #add}. */
    public TableColumn<R, String> addNumeric(String header, String tooltip, Function<R, String> value) {
        TableColumn<R, String> c = add(header, tooltip, value);
        c.getStyleClass().add("numeric");
        return c;
    }

    /**
     * Widens or narrows every column to its content and puts the header tooltips on. Runs on every layout pass:
     * text widths are remembered per font, so only new texts are measured, and widths are set only when they change.
     */
    public void fit() {
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
            double need = measured(c.getText(), headerFont) + headerPadding;
            if (c == lastVisible && table.isTableMenuButtonVisible()) {
                need += MENU_BUTTON; // the table's column-menu button lies over the end of the last header
            }
            for (R row : table.getItems()) {
                need = Math.max(need, measured(values.get(c).apply(row), cellFont) + cellPadding);
            }
            need = Math.ceil(need + SLACK);
            if (Math.abs(c.getPrefWidth() - need) > 0.5 || Math.abs(c.getMinWidth() - need) > 0.5) {
                c.setMinWidth(need);
                c.setPrefWidth(need);
            }
        }
        for (Node n : table.lookupAll(".column-header")) {
            String tip = n instanceof TableColumnHeader header ? tips.get(header.getTableColumn()) : null;
            if (tip != null && !tip.equals(n.getProperties().get(FittedColumns.class))) {
                Tooltip.install(n, new Tooltip(tip));
                n.getProperties().put(FittedColumns.class, tip);
            }
        }
    }

    /** The width of {@code s} in {@code font}, measured once per text and font (fonts change with the style). */
    private double measured(String s, Font font) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        if (!measuredWidths.containsKey(font) && measuredWidths.size() >= 4) {
            measuredWidths.clear(); // a new style: forget the old fonts' widths
        }
        return measuredWidths.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(s, t -> width(t, font));
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
