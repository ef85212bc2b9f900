package dev.quantlab.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Words for kinds of values, looked up by type: an ordered table of (type, phrase) where the first type a value is
 * an instance of gives its phrase (so a subtype listed before its supertype wins). Used to say in words what kind
 * of file error happened or what kind of value a file holds.
 */
public final class ClassPhrases {
    private record Entry(Class<?> type, String phrase) { }

    private final List<Entry> entries = new ArrayList<>();

    /** Adds {@code type} with its phrase, after the ones added before. */
    public ClassPhrases add(Class<?> type, String phrase) {
        entries.add(new Entry(type, phrase));
        return this;
    }

    /** The phrase of the first listed type {@code value} is an instance of, if any. */
    public Optional<String> of(Object value) {
        for (Entry e : entries) {
            if (e.type().isInstance(value)) {
                return Optional.of(e.phrase());
            }
        }
        return Optional.empty();
    }
}
