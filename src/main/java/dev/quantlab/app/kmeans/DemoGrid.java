package dev.quantlab.app.kmeans;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;

/** A 5x5 tensor as coloured cells (blue negative, white zero, red positive) with the values printed. */
final class DemoGrid extends GridPane {
    private static final double CELL = 32;
    private final Label[] cells = new Label[DemoTensor.SIZE * DemoTensor.SIZE];

    DemoGrid() {
        getStyleClass().add("demo-grid");
        setHgap(2);
        setVgap(2);
        for (int i = 0; i < cells.length; i++) {
            Label l = new Label();
            l.setMinSize(CELL, CELL);
            l.setPrefSize(CELL, CELL);
            l.setAlignment(Pos.CENTER);
            l.getStyleClass().add("demo-cell");
            l.setTextOverrun(javafx.scene.control.OverrunStyle.CLIP);
            cells[i] = l;
            add(l, i % DemoTensor.SIZE, i / DemoTensor.SIZE);
        }
    }

    /** Shows 25 values; colours are scaled by {@code range} (the largest magnitude of the original). */
    void show(float[] values, double range) {
        for (int i = 0; i < cells.length; i++) {
            float v = values[i];
            cells[i].setText(String.format(Locale.ROOT, "%.2f", v).replace("-", "−"));
            Color c = colour(v / range);
            cells[i].setStyle("-fx-background-color: " + web(c) + "; -fx-text-fill: "
                    + (Math.abs(v / range) > 0.6 ? "white" : "#1f2937") + ";");
        }
    }

    /** Diverging map: -1 blue, 0 near-white, +1 red. */
    static Color colour(double t) {
        double s = Math.max(-1, Math.min(1, t));
        Color zero = Color.web("#f5f7fa");
        Color end = s < 0 ? Color.web("#2563eb") : Color.web("#dc2626");
        return zero.interpolate(end, Math.abs(s));
    }

    private static String web(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }

    /** The texts shown, row-major (for tests). */
    String[] texts() {
        String[] out = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = cells[i].getText();
        }
        return out;
    }
}
