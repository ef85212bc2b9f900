package dev.quantlab.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * How a run's state (a training run's, a QAT run's) maps to the text key/values of a {@link Checkpoint}: each field
 * is declared once, with its key, how to write it and how to read it back, and both directions follow from that.
 *
 * @param <S> the state
 */
public final class StateFields<S> {
    private record Field<S>(String key, Function<S, String> write, BiConsumer<S, String> read) { }

    private final List<Field<S>> fields = new ArrayList<>();

    /** Adds a field: {@code write} gives its text, {@code read} sets it from that text. */
    public StateFields<S> add(String key, Function<S, ?> write, BiConsumer<S, String> read) {
        fields.add(new Field<>(key, s -> String.valueOf(write.apply(s)), read));
        return this;
    }

    /** The state as key/values, in the order the fields were added. */
    public Map<String, String> write(S state) {
        Map<String, String> m = new LinkedHashMap<>();
        fields.forEach(f -> m.put(f.key(), f.write().apply(state)));
        return m;
    }

    /**
     * Sets every field of {@code into} from a checkpoint's values.
     *
     * @throws IllegalStateException when a field is missing
     */
    public S read(Checkpoint.Contents c, S into) {
        fields.forEach(f -> f.read().accept(into, c.field(f.key())));
        return into;
    }
}
