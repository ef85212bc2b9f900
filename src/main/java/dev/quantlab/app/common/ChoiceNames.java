package dev.quantlab.app.common;

import java.util.function.Function;
import javafx.util.StringConverter;

/** How a choice box names its items when they are picked, never typed. */
public final class ChoiceNames {
    private ChoiceNames() { }

    /** Shows each item as {@code name} gives it (nothing for no item); typed text is never read back. */
    public static <T> StringConverter<T> of(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : name.apply(item);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        };
    }
}
