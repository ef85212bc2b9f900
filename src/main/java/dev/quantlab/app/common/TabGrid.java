package dev.quantlab.app.common;

import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

/** The two-column, two-row grid of cards that fills a tab below its header. */
public final class TabGrid {
    private TabGrid() { }

    /**
     * A grid styled {@code tab-grid} whose left column takes {@code leftPercent} of the width and top row
     * {@code topPercent} of the height, growing to fill the tab's VBox.
     */
    public static GridPane of(double leftPercent, double topPercent) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("tab-grid");
        ColumnConstraints left = new ColumnConstraints();
        left.setPercentWidth(leftPercent);
        ColumnConstraints right = new ColumnConstraints();
        right.setPercentWidth(100 - leftPercent);
        RowConstraints top = new RowConstraints();
        top.setPercentHeight(topPercent);
        RowConstraints bottom = new RowConstraints();
        bottom.setPercentHeight(100 - topPercent);
        grid.getColumnConstraints().addAll(left, right);
        grid.getRowConstraints().addAll(top, bottom);
        VBox.setVgrow(grid, Priority.ALWAYS);
        return grid;
    }
}
