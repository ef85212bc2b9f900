package dev.quantlab.app.integer;

import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.services.Numbers;
import dev.quantlab.linear.ConvWorkedExample;
import dev.quantlab.linear.RequantMode;
import dev.quantlab.linear.RequantSteps;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * The integer steps of one conv output element as labelled rows: step, formula, and the value (for the
 * requantization, both the float-multiplier and the fixed-point path; the model's own path is highlighted).
 */
final class ExampleSteps extends GridPane {
    /** Row ids, in order; {@code integer.step.<id>} and {@code integer.step.<id>.formula} are their texts. */
    static final String[] ROWS = {"window", "products", "zeroPointTerm", "bias", "shiftedBias", "accumulator",
        "multiplier", "scaled", "zeroPoint", "rounded", "clamped", "output"};
    private static final int FIRST_REQUANT_ROW = 6;
    private static final String MONO = "-fx-font-family: 'DejaVu Sans Mono', 'Consolas', monospace;";
    private final Label[] formulas = new Label[ROWS.length];
    private final Label[][] values = new Label[ROWS.length][2];
    private final Texts texts;
    private final Label floatHeader;
    private final Label fixedHeader;

    ExampleSteps(Texts texts) {
        this.texts = texts;
        floatHeader = header(texts.t("integer.step.float"));
        fixedHeader = header(texts.t("integer.step.fixed"));
        setId("exampleSteps");
        setHgap(14);
        setVgap(3);
        add(header(texts.t("integer.step.step")), 0, 0);
        add(header(texts.t("integer.step.formula")), 1, 0);
        add(floatHeader, 2, 0);
        add(fixedHeader, 3, 0);
        for (int r = 0; r < ROWS.length; r++) {
            Label name = new Label(texts.t("integer.step." + ROWS[r]));
            name.setMinWidth(USE_PREF_SIZE);
            formulas[r] = new Label();
            formulas[r].getStyleClass().add("muted");
            formulas[r].setStyle(MONO);
            formulas[r].setWrapText(true);
            formulas[r].setMinHeight(USE_PREF_SIZE);
            formulas[r].setPrefWidth(300);
            add(name, 0, r + 1);
            add(formulas[r], 1, r + 1);
            for (int c = 0; c < 2; c++) {
                Label v = new Label();
                v.setId("step-" + ROWS[r] + (c == 0 ? "" : "-fixed"));
                v.setStyle(MONO);
                v.setMinWidth(USE_PREF_SIZE);
                values[r][c] = v;
            }
            if (r < FIRST_REQUANT_ROW || r == ROWS.length - 1) {
                add(values[r][0], 2, r + 1, 2, 1);
            } else {
                add(values[r][0], 2, r + 1);
                add(values[r][1], 3, r + 1);
            }
        }
        ColumnConstraints formula = new ColumnConstraints();
        formula.setHgrow(Priority.SOMETIMES);
        getColumnConstraints().addAll(new ColumnConstraints(), formula);
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        l.setMinWidth(USE_PREF_SIZE);
        return l;
    }

    /** Shows {@code w}; null clears. */
    void show(WorkedExample w) {
        if (w == null) {
            for (int r = 0; r < ROWS.length; r++) {
                formulas[r].setText("");
                values[r][0].setText("");
                values[r][1].setText("");
            }
            return;
        }
        ConvWorkedExample e = w.steps();
        int padded = 0;
        for (boolean p : e.padding()) {
            padded += p ? 1 : 0;
        }
        int k = e.kernelSize();
        row(0, texts.t("integer.step.window.formula", k, e.inChannels(), e.inputZeroPoint()),
                texts.t("integer.step.window.value", e.inputWindow().length, padded));
        row(1, texts.t("integer.step.products.formula", e.inputWindow().length), Integer.toString(e.productSum()));
        row(2, texts.t("integer.step.zeroPointTerm.formula", e.inputZeroPoint(), e.weightSum()),
                Integer.toString(e.zeroPointTerm()));
        row(3, texts.t("integer.step.bias.formula", Numbers.real(w.floatBias()), Numbers.real(w.input().scale()),
                Numbers.real(w.weightScale())), Integer.toString(e.quantizedBias()));
        row(4, texts.t("integer.step.shiftedBias.formula", e.quantizedBias(), e.zeroPointTerm()),
                Integer.toString(e.shiftedBias()));
        row(5, texts.t("integer.step.accumulator.formula", e.productSum(), e.shiftedBias()),
                Integer.toString(e.accumulator()));
        formulas[6].setText(texts.t("integer.step.multiplier.formula", Numbers.real(w.input().scale()),
                Numbers.real(w.weightScale()), Numbers.real(w.output().scale())));
        values[6][0].setText(Numbers.real(e.floatMultiplier()));
        values[6][1].setText(texts.t("integer.step.multiplier.fixed", e.fixedMultiplier().m0(),
                e.fixedMultiplier().shift()));
        formulas[7].setText(texts.t("integer.step.scaled.formula", e.accumulator()));
        paths(7, e.floatPath(), e.fixedPath(), s -> String.format(java.util.Locale.ROOT, "%.4f", s.scaled()),
                s -> Long.toString((long) s.scaled()));
        formulas[8].setText(texts.t("integer.step.zeroPoint.formula", e.outputZeroPoint()));
        paths(8, e.floatPath(), e.fixedPath(), s -> String.format(java.util.Locale.ROOT, "%.4f", s.withZeroPoint()),
                s -> Long.toString((long) s.withZeroPoint()));
        formulas[9].setText(texts.t("integer.step.rounded.formula"));
        paths(9, e.floatPath(), e.fixedPath(), s -> Long.toString(s.rounded()), s -> Long.toString(s.rounded()));
        formulas[10].setText(texts.t("integer.step.clamped.formula", e.outputRange().min(), e.outputRange().max()));
        paths(10, e.floatPath(), e.fixedPath(), s -> Integer.toString(s.clamped()), s -> Integer.toString(s.clamped()));
        row(11, texts.t("integer.step.output.formula", e.outChannel(), e.y(), e.x()),
                w.layerOutput() + (w.matches() ? "  ✓" : "  ≠ " + e.output()));
        boolean fl = e.mode() == RequantMode.FLOAT_MULTIPLIER;
        highlight(floatHeader, fl);
        highlight(fixedHeader, !fl);
        for (int r = FIRST_REQUANT_ROW; r < ROWS.length - 1; r++) {
            highlight(values[r][0], fl);
            highlight(values[r][1], !fl);
        }
    }

    private void row(int r, String formula, String value) {
        formulas[r].setText(formula);
        values[r][0].setText(value);
    }

    private void paths(int r, RequantSteps fl, RequantSteps fixed, java.util.function.Function<RequantSteps, String> f,
                       java.util.function.Function<RequantSteps, String> g) {
        values[r][0].setText(f.apply(fl));
        values[r][1].setText(g.apply(fixed));
    }

    private static void highlight(Label l, boolean on) {
        l.getStyleClass().remove("card-figure");
        l.setOpacity(on ? 1 : 0.55);
        if (on) {
            l.getStyleClass().add("card-figure");
        }
    }

    /** The value shown in row {@code id} (first value column), for tests. */
    String value(String id) {
        for (int r = 0; r < ROWS.length; r++) {
            if (ROWS[r].equals(id)) {
                return values[r][0].getText();
            }
        }
        throw new IllegalArgumentException(id);
    }

    /** The rows as shown, as a CSV table. */
    dev.quantlab.app.export.DataTable table() {
        java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
        for (int r = 0; r < ROWS.length; r++) {
            rows.add(java.util.List.of(ROWS[r], formulas[r].getText(), values[r][0].getText(),
                    values[r][1].getText()));
        }
        return new dev.quantlab.app.export.DataTable("integer-worked-example",
                java.util.List.of("step", "formula", "float_multiplier", "fixed_point"), rows);
    }
}
