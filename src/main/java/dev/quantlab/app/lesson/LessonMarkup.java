package dev.quantlab.app.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the small Markdown subset the lesson pages use: {@code #}/{@code ##} headings, paragraphs,
 * {@code -} and {@code 1.} lists, {@code >} notes and {@code $$} display formulas. Inline markup
 * ({@code **bold**}, {@code *italic*}, {@code `code`}, {@code $math$}) is left to {@link InlineMarkup}.
 */
public final class LessonMarkup {
    /** {@code 1. item}, or a range of steps: {@code 2–3. item} (en dash or hyphen). */
    private static final Pattern NUMBERED = Pattern.compile("(\\d+(?:[–-]\\d+)?)\\.\\s.*");
    private LessonMarkup() { }

    public static List<Block> parse(String body) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = body.replace("\r\n", "\n").split("\n", -1);
        StringBuilder para = new StringBuilder();
        List<String> items = new ArrayList<>();
        List<String> markers = new ArrayList<>();
        boolean numbered = false;
        int i = 0;
        while (i < lines.length) {
            String line = lines[i].strip();
            Matcher number = NUMBERED.matcher(line);
            boolean isItem = line.startsWith("- ") || number.matches();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("$$") || line.startsWith(">") || isItem) {
                flushParagraph(blocks, para);
            }
            if (!isItem && !items.isEmpty() && !line.isEmpty() && !isContinuation(lines[i])) {
                blocks.add(new Block.ItemList(numbered, items, markers));
                items = new ArrayList<>();
                markers = new ArrayList<>();
            }
            if (line.isEmpty()) {
                if (!items.isEmpty()) {
                    blocks.add(new Block.ItemList(numbered, items, markers));
                    items = new ArrayList<>();
                    markers = new ArrayList<>();
                }
            } else if (line.startsWith("## ")) {
                blocks.add(new Block.Heading(2, line.substring(3).strip()));
            } else if (line.startsWith("# ")) {
                blocks.add(new Block.Heading(1, line.substring(2).strip()));
            } else if (line.startsWith("$$")) {
                StringBuilder tex = new StringBuilder(line.substring(2));
                while (!tex.toString().strip().endsWith("$$") && i + 1 < lines.length) {
                    tex.append(' ').append(lines[++i].strip());
                }
                String t = tex.toString().strip();
                blocks.add(new Block.Formula(t.endsWith("$$") ? t.substring(0, t.length() - 2).strip() : t));
            } else if (line.startsWith(">")) {
                blocks.add(new Block.Note(line.substring(1).strip()));
            } else if (isItem) {
                numbered = !line.startsWith("- ");
                items.add(line.substring(line.indexOf(' ') + 1).strip());
                markers.add(numbered ? number.group(1) + "." : "•");
            } else if (!items.isEmpty()) {
                int last = items.size() - 1;
                items.set(last, items.get(last) + " " + line);
            } else {
                para.append(para.length() == 0 ? "" : " ").append(line);
            }
            i++;
        }
        flushParagraph(blocks, para);
        if (!items.isEmpty()) {
            blocks.add(new Block.ItemList(numbered, items, markers));
        }
        return blocks;
    }

    /** An indented line right after a list item continues that item. */
    private static boolean isContinuation(String raw) {
        return raw.startsWith("  ");
    }

    private static void flushParagraph(List<Block> blocks, StringBuilder para) {
        if (para.length() > 0) {
            blocks.add(new Block.Paragraph(para.toString()));
            para.setLength(0);
        }
    }
}
