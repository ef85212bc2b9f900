package dev.quantlab.app.lesson;

import java.util.List;

/** A block of a lesson page, as {@link LessonMarkup} parses it. */
public sealed interface Block {
    /** {@code # Title} (level 1) or {@code ## Section} (level 2). */
    record Heading(int level, String text) implements Block { }

    /** Consecutive text lines joined by spaces; may hold inline markup. */
    record Paragraph(String text) implements Block { }

    /**
     * Consecutive {@code - item} (or {@code 1. item} when {@code numbered}) lines. A numbered item keeps the number
     * it was written with, also a range such as {@code 2–3.} (the lesson's steps 2 and 3 share a tab).
     *
     * @param markers what is shown before each item: {@code •}, or the item's number with its dot
     */
    record ItemList(boolean numbered, List<String> items, List<String> markers) implements Block {
        public ItemList {
            items = List.copyOf(items);
            markers = List.copyOf(markers);
            if (markers.size() != items.size()) {
                throw new IllegalArgumentException(markers.size() + " markers for " + items.size() + " items");
            }
        }

        /** Bullets, or numbers 1., 2., … */
        public ItemList(boolean numbered, List<String> items) {
            this(numbered, items, java.util.stream.IntStream.range(0, items.size())
                    .mapToObj(i -> numbered ? (i + 1) + "." : "•").toList());
        }
    }

    /** A display formula between {@code $$} lines (or on one {@code $$ ... $$} line), in a small TeX subset. */
    record Formula(String tex) implements Block { }

    /** A {@code > note} callout. */
    record Note(String text) implements Block { }
}
