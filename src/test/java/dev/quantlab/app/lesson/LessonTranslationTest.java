package dev.quantlab.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The lesson pages exist in English and Traditional Chinese with the same files, steps, tabs and formulas. */
class LessonTranslationTest {
    private final LessonLibrary en = LessonLibrary.load(Locale.ENGLISH);
    private final LessonLibrary zh = LessonLibrary.load(Locale.TRADITIONAL_CHINESE);

    @Test
    void traditionalChineseLocalesFindTheZhTwFolder() {
        assertEquals("zh-TW", zh.language());
        assertEquals("zh-TW", LessonLibrary.load(Locale.forLanguageTag("zh-HK")).language());
        assertEquals("zh-TW", LessonLibrary.load(Locale.forLanguageTag("zh-Hant")).language());
        assertEquals("en", LessonLibrary.load(Locale.forLanguageTag("zh-CN")).language());
        assertEquals("en", LessonLibrary.load(Locale.US).language());
    }

    @Test
    void bothLanguagesHaveTheSamePagesStepsAndTabs() {
        assertEquals(files(en), files(zh));
        assertEquals(en.pages().stream().map(LessonPage::step).toList(), zh.pages().stream().map(LessonPage::step).toList());
        assertEquals(en.pages().stream().map(LessonPage::tab).toList(), zh.pages().stream().map(LessonPage::tab).toList());
        for (int i = 0; i < en.pages().size(); i++) {
            LessonPage e = en.pages().get(i);
            LessonPage z = zh.pages().get(i);
            assertNotEquals(e.title(), z.title(), z.file() + " has no translated title");
            assertTrue(z.title().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    z.file() + ": title not in Chinese: " + z.title());
            assertEquals(headingCount(e), headingCount(z), z.file() + ": different number of headings");
        }
    }

    @Test
    void theTranslationUsesTheSameFormulas() {
        for (int i = 0; i < en.pages().size(); i++) {
            List<String> e = formulas(en.pages().get(i));
            List<String> z = formulas(zh.pages().get(i));
            assertEquals(e.stream().sorted().toList(), z.stream().sorted().toList(), zh.pages().get(i).file());
            for (String tex : z) {
                assertTrue(MathParser.parse(tex).unknown().isEmpty(), zh.pages().get(i).file() + ": " + tex);
            }
        }
    }

    private static List<String> files(LessonLibrary lib) {
        return lib.pages().stream().map(LessonPage::file).toList();
    }

    private static long headingCount(LessonPage p) {
        return LessonMarkup.parse(p.body()).stream().filter(b -> b instanceof Block.Heading).count();
    }

    private static List<String> formulas(LessonPage page) {
        List<String> out = new ArrayList<>();
        for (Block b : LessonMarkup.parse(page.body())) {
            if (b instanceof Block.Formula f) {
                out.add(f.tex());
                continue;
            }
            String text = b instanceof Block.Paragraph p ? p.text() : b instanceof Block.ItemList l
                    ? String.join(" ", l.items()) : b instanceof Block.Note n ? n.text() : "";
            InlineMarkup.parse(text).stream().filter(s -> s.style() == InlineMarkup.Style.MATH)
                    .map(InlineMarkup.Span::text).forEach(out::add);
        }
        return out;
    }
}
