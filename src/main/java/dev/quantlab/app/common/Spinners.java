package dev.quantlab.app.common;

import dev.quantlab.app.i18n.Texts;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.function.Function;
import javafx.beans.property.Property;
import javafx.css.PseudoClass;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

/**
 * Editable spinners that take typed values: what is typed is committed on Enter and when the field loses focus;
 * text that is not a number in range is not taken: the field goes back to the value in use and its tooltip (and the
 * {@code :invalid} style) says why, until a valid value is committed.
 */
public final class Spinners {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private Spinners() { }

    /** An integer spinner over {@code [min, max]} bound both ways to {@code value}. */
    public static Spinner<Integer> integer(Texts texts, int min, int max, Property<Integer> value) {
        SpinnerValueFactory.IntegerSpinnerValueFactory f = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max,
                value.getValue() == null ? min : value.getValue());
        return build(texts, f, value, min, max, Integer.toString(min), Integer.toString(max),
                n -> n.doubleValue() == Math.rint(n.doubleValue()) ? n.intValue() : null, Object::toString);
    }

    /** A decimal spinner over {@code [min, max]} in steps of {@code step}, bound both ways to {@code value}. */
    public static Spinner<Double> decimal(Texts texts, double min, double max, double step, Property<Double> value) {
        SpinnerValueFactory.DoubleSpinnerValueFactory f = new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max,
                value.getValue() == null ? min : value.getValue(), step);
        NumberFormat shown = NumberFormat.getNumberInstance(texts.locale());
        shown.setMaximumFractionDigits(4);
        shown.setGroupingUsed(false);
        return build(texts, f, value, min, max, shown.format(min), shown.format(max), Number::doubleValue,
                shown::format);
    }

    private static <T extends Number> Spinner<T> build(Texts texts, SpinnerValueFactory<T> factory, Property<T> value,
            double lo, double hi, String min, String max, Function<Number, T> exact, Function<T, String> format) {
        Spinner<T> spinner = new Spinner<>(factory);
        spinner.setEditable(true);
        Tooltip help = new Tooltip(texts.t("app.spinner.range", min, max));
        spinner.setTooltip(help);
        NumberFormat parser = NumberFormat.getNumberInstance(texts.locale());
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? "" : format.apply(v);
            }

            @Override
            public T fromString(String typed) {
                T now = factory.getValue();
                if (typed != null && typed.strip().equals(toString(now))) {
                    return now; // unchanged (e.g. the text reverted a moment ago): the message stays
                }
                T parsed = parse(parser, typed, exact);
                boolean inRange = parsed != null && parsed.doubleValue() >= lo && parsed.doubleValue() <= hi;
                spinner.pseudoClassStateChanged(INVALID, !inRange);
                if (!inRange) {
                    help.setText(texts.t("app.spinner.invalid", typed.strip(), min, max, toString(now)));
                    spinner.getEditor().setText(toString(now)); // revert: the value in use stays
                    return now;
                }
                help.setText(texts.t("app.spinner.range", min, max));
                return parsed;
            }
        });
        factory.valueProperty().bindBidirectional(value);
        spinner.getProperties().put(Spinners.class, value); // keep the bound property alive as long as the spinner
        spinner.getEditor().focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                spinner.commitValue(); // also when focus leaves without Enter
                spinner.getEditor().setText(factory.getConverter().toString(factory.getValue()));
            }
        });
        return spinner;
    }

    private static <T> T parse(NumberFormat parser, String typed, Function<Number, T> exact) {
        String s = typed == null ? "" : typed.strip();
        ParsePosition at = new ParsePosition(0);
        Number n = s.isEmpty() ? null : parser.parse(s, at);
        if (n == null || at.getIndex() != s.length() || !Double.isFinite(n.doubleValue())) {
            return null;
        }
        return exact.apply(n);
    }
}
