package dev.quantlab.app.integer;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** A k x k grid of integers (one channel of the conv window); padding positions are tinted. */
final class WindowGrid extends GridPane {
    private static final int K = 3;
    private static final String CELL = "-fx-min-width: 44; -fx-min-height: 24; -fx-alignment: center-right;"
            + " -fx-padding: 0 5 0 5; -fx-border-color: #e2e6ec; -fx-border-width: 0.5;";
    private final Label[] cells = new Label[K * K];

    WindowGrid(String id) {
        setId(id);
        for (int i = 0; i < cells.length; i++) {
            Label l = new Label();
            l.getStyleClass().add("demo-cell");
            l.setAlignment(Pos.CENTER_RIGHT);
            l.setStyle(CELL);
            cells[i] = l;
            add(l, i % K, i / K);
        }
    }

    /** Shows the first k x k values of {@code values} (channel 0 in [ic][ky][kx] order); null clears. */
    void show(int[] values, boolean[] padding) {
        for (int i = 0; i < cells.length; i++) {
            boolean known = values != null && i < values.length;
            cells[i].setText(known ? Integer.toString(values[i]) : "");
            boolean pad = known && padding != null && padding[i];
            cells[i].setStyle(CELL + (pad ? " -fx-background-color: #fde8d7;" : " -fx-background-color: white;"));
        }
    }

    /** The texts of the cells, row by row (for tests). */
    String text(int i) {
        return cells[i].getText();
    }
}
