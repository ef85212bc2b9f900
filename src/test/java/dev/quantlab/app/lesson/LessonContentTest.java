package dev.quantlab.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The lesson pages load from the resources, and every formula in them parses with known commands only. */
class LessonContentTest {
    private final LessonLibrary library = LessonLibrary.load(Locale.ENGLISH);

    @Test
    void allStepsArePresentInOrder() {
        assertEquals(List.of("", "1", "2–3", "4", "5", "6", "vs", "+"),
                library.pages().stream().map(LessonPage::step).toList());
        // every tab has its page, so the sidebar follows any tab chosen, Compare included
        for (String tab : List.of("baseline", "kmeans", "qat", "linear", "integer", "compare")) {
            assertTrue(library.forTab(tab).isPresent(), tab);
        }
        // "Why quantize?" numbers the steps as the sidebar does
        Block.ItemList steps = LessonMarkup.parse(library.pages().get(0).body()).stream()
                .filter(b -> b instanceof Block.ItemList)
                .map(b -> (Block.ItemList) b).filter(Block.ItemList::numbered).findFirst().orElseThrow();
        assertEquals(List.of("1.", "2–3.", "4.", "5.", "6."), steps.markers());
        assertEquals(List.of("", "baseline", "kmeans", "qat", "linear", "integer", "compare", ""),
                library.pages().stream().map(LessonPage::tab).toList());
        assertEquals("Measure the fp32 model", library.forTab("baseline").orElseThrow().title());
    }

    @Test
    void anUnknownLanguageFallsBackToEnglish() {
        assertEquals("en", LessonLibrary.load(Locale.forLanguageTag("xx")).language());
    }

    @Test
    void everyFormulaUsesKnownCommandsOnly() {
        for (LessonPage page : library.pages()) {
            for (Block b : LessonMarkup.parse(page.body())) {
                for (String tex : formulas(b)) {
                    MathParser.Result r = MathParser.parse(tex);
                    assertTrue(r.unknown().isEmpty(), page.file() + ": unknown " + r.unknown() + " in " + tex);
                }
            }
        }
    }

    private static List<String> formulas(Block b) {
        if (b instanceof Block.Formula f) {
            return List.of(f.tex());
        }
        String text = b instanceof Block.Paragraph p ? p.text()
                : b instanceof Block.ItemList l ? String.join(" ", l.items()) : "";
        return InlineMarkup.parse(text).stream().filter(s -> s.style() == InlineMarkup.Style.MATH)
                .map(InlineMarkup.Span::text).toList();
    }

    @Test
    void markupBlocks() {
        List<Block> blocks = LessonMarkup.parse("# Title\n\nSome *text*\ncontinues.\n\n- one\n- two\n\n$$ a = b $$\n> note");
        assertEquals(new Block.Heading(1, "Title"), blocks.get(0));
        assertEquals(new Block.Paragraph("Some *text* continues."), blocks.get(1));
        assertEquals(new Block.ItemList(false, List.of("one", "two")), blocks.get(2));
        assertEquals(new Block.Formula("a = b"), blocks.get(3));
        assertEquals(new Block.Note("note"), blocks.get(4));
    }

    @Test
    void inlineMarkup() {
        List<InlineMarkup.Span> spans = InlineMarkup.parse("a **b** `c` $x^2$ \\$5");
        assertEquals(List.of(new InlineMarkup.Span(InlineMarkup.Style.TEXT, "a "),
                new InlineMarkup.Span(InlineMarkup.Style.BOLD, "b"), new InlineMarkup.Span(InlineMarkup.Style.TEXT, " "),
                new InlineMarkup.Span(InlineMarkup.Style.CODE, "c"), new InlineMarkup.Span(InlineMarkup.Style.TEXT, " "),
                new InlineMarkup.Span(InlineMarkup.Style.MATH, "x^2"), new InlineMarkup.Span(InlineMarkup.Style.TEXT, " $5")),
                spans);
    }

    @Test
    void scriptsAreRaisedAndLowered() {
        List<MathAtom> atoms = MathParser.parse("S_{oc} = 2^{b-1} \\cdot \\gamma").atoms();
        assertEquals(new MathAtom("S", MathAtom.Style.ITALIC, 0, 0), atoms.get(0));
        MathAtom sub = atoms.get(1);
        assertEquals("oc", sub.text());
        assertTrue(sub.rise() < 0);
        MathAtom sup = atoms.stream().filter(a -> a.text().equals("b")).findFirst().orElseThrow();
        assertTrue(sup.rise() > 0);
        assertEquals(1, sup.level());
        assertTrue(atoms.stream().anyMatch(a -> a.text().contains("·") && a.text().contains("γ")));
        assertFalse(MathParser.parse("\\foo").unknown().isEmpty());
    }
}
