package dev.quantlab.app.charts;

import dev.quantlab.app.export.DataTable;
import dev.quantlab.app.export.ExportActions;
import java.util.function.Supplier;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;

/** Adds "Export as CSV…" to a table's context menu. */
public final class TableExport {
    private TableExport() { }

    public static void install(TableView<?> table, Supplier<DataTable> data, ExportActions export) {
        MenuItem csv = new MenuItem(export.texts().t("app.table.exportCsv"));
        csv.setOnAction(e -> export.exportTable(data.get()));
        table.setContextMenu(new ContextMenu(csv));
    }
}
