package dev.quantlab.app.compare;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Text;

/** Table cells whose text wraps to the column's width (rows grow to fit). */
final class WrappingCells {
    private static final double PADDING = 14;

    private WrappingCells() { }

    static <R> void install(TableColumn<R, String> column) {
        column.setCellFactory(c -> {
            TableCell<R, String> cell = new TableCell<>();
            Text text = new Text();
            text.getStyleClass().add("wrapping-cell-text");
            text.wrappingWidthProperty().bind(column.widthProperty().subtract(PADDING));
            text.textProperty().bind(cell.itemProperty());
            cell.setGraphic(text);
            cell.setPrefHeight(javafx.scene.control.Control.USE_COMPUTED_SIZE);
            return cell;
        });
    }
}
