package dev.quantlab.app.qat;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.event.ActionEvent;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

/**
 * Makes a spinner take typed values: Enter or leaving the field commits what was typed; text that is not a number
 * in the spinner's range is not taken: the field shows the last value again and {@code problem} gets why (an empty
 * text once a typed value was taken). The arrows work as before.
 *
 * @param <T> Integer or Double
 */
final class TypedSpinner<T extends Number> {
    private final Spinner<T> spinner;
    private final Function<String, T> parse;
    private final Function<T, String> format;
    private final Function<String, String> why;
    private final Consumer<String> problem;

    /**
     * @param parse   the typed text as a value in range, or null when it is not one
     * @param format  how a value is shown
     * @param why     the message for a rejected text
     * @param problem where the message goes
     */
    private TypedSpinner(Spinner<T> spinner, Function<String, T> parse, Function<T, String> format,
                         Function<String, String> why, Consumer<String> problem) {
        this.spinner = spinner;
        this.parse = parse;
        this.format = format;
        this.why = why;
        this.problem = problem;
        SpinnerValueFactory<T> factory = spinner.getValueFactory();
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? "" : format.apply(v);
            }

            @Override
            public T fromString(String text) { // the spinner's own commit: a rejected text keeps the value
                T v = parse.apply(text);
                return v == null ? factory.getValue() : v;
            }
        });
        spinner.setEditable(true);
        TextField editor = spinner.getEditor();
        editor.addEventHandler(ActionEvent.ACTION, e -> commit());
        editor.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit();
            }
        });
    }

    /** Whole numbers from {@code min} to {@code max}. */
    static TypedSpinner<Integer> integers(Spinner<Integer> spinner, int min, int max,
                                          Function<String, String> why, Consumer<String> problem) {
        return new TypedSpinner<>(spinner, text -> {
            try {
                int v = Integer.parseInt(text.strip());
                return v >= min && v <= max ? v : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }, v -> Integer.toString(v), why, problem);
    }

    /** Decimal numbers from {@code min} to {@code max} (a comma is read as the decimal point), shown with two decimals. */
    static TypedSpinner<Double> decimals(Spinner<Double> spinner, double min, double max,
                                         Function<String, String> why, Consumer<String> problem) {
        return new TypedSpinner<>(spinner, text -> {
            try {
                double v = Double.parseDouble(text.strip().replace(',', '.'));
                return v >= min && v <= max ? v : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }, v -> String.format(Locale.ROOT, "%.2f", v), why, problem);
    }

    /** Takes the typed text, or shows the last value again and says why not. */
    void commit() {
        String text = spinner.getEditor().getText();
        T v = parse.apply(text);
        SpinnerValueFactory<T> factory = spinner.getValueFactory();
        if (v == null) {
            problem.accept(why.apply(text.strip()));
        } else {
            problem.accept("");
            factory.setValue(v);
        }
        spinner.getEditor().setText(factory.getValue() == null ? "" : format.apply(factory.getValue()));
    }
}
