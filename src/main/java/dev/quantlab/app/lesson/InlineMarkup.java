package dev.quantlab.app.lesson;

import java.util.ArrayList;
import java.util.List;

/** Splits a paragraph into styled spans: {@code **bold**}, {@code *italic*}, {@code `code`}, {@code $math$}. */
public final class InlineMarkup {
    /** How a span is shown. */
    public enum Style { TEXT, BOLD, ITALIC, CODE, MATH }

    /** A run of text in one style. */
    public record Span(Style style, String text) { }

    private InlineMarkup() { }

    public static List<Span> parse(String text) {
        List<Span> spans = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && "$*`".indexOf(text.charAt(i + 1)) >= 0) {
                plain.append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            String open = text.startsWith("**", i) ? "**" : "*`$".indexOf(c) >= 0 ? String.valueOf(c) : null;
            int close = open == null ? -1 : text.indexOf(open, i + open.length());
            if (open == null || close < 0 || close == i + open.length()) {
                plain.append(c);
                i++;
                continue;
            }
            flush(spans, plain);
            spans.add(new Span(styleOf(open), text.substring(i + open.length(), close)));
            i = close + open.length();
        }
        flush(spans, plain);
        return spans;
    }

    private static Style styleOf(String marker) {
        switch (marker) {
            case "**": return Style.BOLD;
            case "*": return Style.ITALIC;
            case "`": return Style.CODE;
            default: return Style.MATH;
        }
    }

    private static void flush(List<Span> spans, StringBuilder plain) {
        if (plain.length() > 0) {
            spans.add(new Span(Style.TEXT, plain.toString()));
            plain.setLength(0);
        }
    }
}
