package dev.quantlab.app.lesson;

import java.util.List;

/** A block of a lesson page, as {@link LessonMarkup} parses it. */
public sealed interface Block {
    /** {@code # Title} (level 1) or {@code ## Section} (level 2). */
    record Heading(int level, String text) implements Block { }

    /** Consecutive text lines joined by spaces; may hold inline markup. */
    record Paragraph(String text) implements Block { }

    /** Consecutive {@code - item} (or {@code 1. item} when {@code numbered}) lines. */
    record ItemList(boolean numbered, List<String> items) implements Block {
        public ItemList {
            items = List.copyOf(items);
        }
    }

    /** A display formula between {@code $$} lines (or on one {@code $$ ... $$} line), in a small TeX subset. */
    record Formula(String tex) implements Block { }

    /** A {@code > note} callout. */
    record Note(String text) implements Block { }
}
