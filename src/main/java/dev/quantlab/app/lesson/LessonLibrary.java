package dev.quantlab.app.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Loads the lesson pages from {@code /assets/lessons/<language>/}: {@code index.txt} lists the page files in
 * order. A language without pages falls back to English, so a translation is one more folder.
 */
public final class LessonLibrary {
    public static final String FALLBACK = "en";
    private static final String BASE = "/assets/lessons/";

    private final String language;
    private final List<LessonPage> pages;

    private LessonLibrary(String language, List<LessonPage> pages) {
        this.language = language;
        this.pages = List.copyOf(pages);
    }

    /**
     * Pages in the given language, or English where that language has none. Folders are named by language tag:
     * {@code zh-TW} for Traditional Chinese (also chosen for zh-HK and zh-Hant), {@code en}, or a bare language.
     */
    public static LessonLibrary load(Locale locale) {
        for (String folder : candidates(locale)) {
            if (!folder.isEmpty() && !"und".equals(folder) && resource(folder, "index.txt").isPresent()) {
                return new LessonLibrary(folder, read(folder));
            }
        }
        return new LessonLibrary(FALLBACK, read(FALLBACK));
    }

    /** Folder names to try, most specific first. */
    static List<String> candidates(Locale locale) {
        List<String> out = new ArrayList<>();
        if (locale == null) {
            return out;
        }
        out.add(locale.toLanguageTag());
        if (!locale.getCountry().isEmpty()) {
            out.add(locale.getLanguage() + "-" + locale.getCountry());
        }
        if ("zh".equals(locale.getLanguage())) {
            out.add(dev.quantlab.app.i18n.Texts.supported(locale).toLanguageTag());
        } else {
            out.add(locale.getLanguage());
        }
        return out;
    }

    public String language() {
        return language;
    }

    public List<LessonPage> pages() {
        return pages;
    }

    /** The page that belongs to tab {@code tabId}. */
    public Optional<LessonPage> forTab(String tabId) {
        return pages.stream().filter(p -> p.tab().equals(tabId)).findFirst();
    }

    private static List<LessonPage> read(String lang) {
        String index = resource(lang, "index.txt")
                .orElseThrow(() -> new IllegalStateException("lesson index missing: " + BASE + lang + "/index.txt"));
        List<LessonPage> out = new ArrayList<>();
        for (String line : index.split("\\R")) {
            String file = line.strip();
            if (file.isEmpty() || file.startsWith("#")) {
                continue;
            }
            String text = resource(lang, file)
                    .orElseThrow(() -> new IllegalStateException("lesson page missing: " + BASE + lang + "/" + file));
            out.add(LessonPage.parse(file, text));
        }
        return out;
    }

    private static Optional<String> resource(String lang, String file) {
        try (InputStream in = LessonLibrary.class.getResourceAsStream(BASE + lang + "/" + file)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
