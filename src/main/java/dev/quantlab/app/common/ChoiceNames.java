package dev.quantlab.app.common;

import java.util.List;
import java.util.function.Function;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/** Choice boxes whose items are picked, never typed, and how they name their items. */
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

    /** A choice box (node id {@code id}) of {@code items}, each shown as {@code name} gives it. */
    public static <T> ComboBox<T> box(String id, List<T> items, Function<T, String> name) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(items);
        box.setConverter(of(name));
        return box;
    }
}
