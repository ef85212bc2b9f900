package dev.quantlab.app.lesson;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One lesson page: a short Markdown-ish text with a small front matter block:
 * <pre>
 * ---
 * title: Measure the fp32 model
 * step: 1
 * tab: baseline
 * ---
 * </pre>
 *
 * @param file  resource file name, e.g. {@code 01-fp32.md}
 * @param step  the lesson step it covers, e.g. {@code 2–3} (empty for the introduction)
 * @param title the title shown in the navigator
 * @param tab   id of the tab that belongs to it (empty when none)
 * @param body  the text after the front matter
 */
public record LessonPage(String file, String step, String title, String tab, String body) {

    /** Parses a page's text; a page without front matter gets its file name as title. */
    public static LessonPage parse(String file, String text) {
        String t = text.replace("\r\n", "\n");
        Map<String, String> meta = new LinkedHashMap<>();
        String body = t;
        if (t.startsWith("---\n")) {
            int end = t.indexOf("\n---", 4);
            if (end > 0) {
                for (String line : t.substring(4, end).split("\n")) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        meta.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                    }
                }
                int bodyStart = t.indexOf('\n', end + 1);
                body = bodyStart < 0 ? "" : t.substring(bodyStart + 1);
            }
        }
        return new LessonPage(file, meta.getOrDefault("step", ""), meta.getOrDefault("title", file),
                meta.getOrDefault("tab", ""), body);
    }

    /** Navigator label, e.g. {@code "1  Measure the fp32 model"}. */
    public String label() {
        return step.isEmpty() ? title : step + "  " + title;
    }

    public boolean hasTab() {
        return !tab.isEmpty();
    }
}
