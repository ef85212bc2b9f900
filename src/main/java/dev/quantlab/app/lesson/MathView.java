package dev.quantlab.app.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/** Sets formula atoms as JavaFX {@link Text} nodes: serif, smaller and shifted for scripts. */
public final class MathView {
    private static final String FAMILY = "Serif";
    private static final double SCRIPT_SCALE = 0.72;

    private MathView() { }

    /** Relations a formula may be broken before, when the pane is too narrow for it on one line. */
    static final Set<String> BREAK_BEFORE = Set.of("=", "≈", "≤", "≥", "≠", "→", "←");
    private static final String OPEN = "([{⌊⌈";
    /** The space of {@code \quad}, which separates equations on one line. */
    private static final char QUAD = '\u2003';
    private static final String CLOSE = ")]}⌋⌉";

    /** Text nodes for {@code tex} at {@code size} points, ready to go into a TextFlow. */
    public static List<Text> render(String tex, double size) {
        return texts(MathParser.parse(tex).atoms(), size);
    }

    /**
     * The formula cut into terms, each to be set on one line: a new term starts at each relation on the base line
     * ({@link #BREAK_BEFORE}) outside brackets, and after a {@code \quad} between equations, e.g.
     * {@code 9,228,362 × 4 bytes} | {@code = 35.20 MiB}. Spaces inside a term are
     * no-break spaces, so a term is never broken inside ("35.20" and "MiB" stay together).
     */
    public static List<List<Text>> renderTerms(String tex, double size) {
        List<List<Text>> out = new ArrayList<>();
        for (List<MathAtom> term : terms(MathParser.parse(tex).atoms())) {
            out.add(texts(term, size));
        }
        return out;
    }

    static List<List<MathAtom>> terms(List<MathAtom> atoms) {
        List<List<MathAtom>> out = new ArrayList<>();
        List<MathAtom> term = new ArrayList<>();
        int depth = 0; // inside brackets a relation belongs to its group: 1(I_j = k) is never cut
        for (MathAtom a : atoms) {
            String text = a.text();
            int from = 0;
            for (int i = 0; a.level() == 0 && i < text.length(); i++) {
                char c = text.charAt(i);
                depth += OPEN.indexOf(c) >= 0 ? 1 : CLOSE.indexOf(c) >= 0 ? -1 : 0;
                if (depth <= 0 && BREAK_BEFORE.contains(String.valueOf(c))) {
                    if (i > from) {
                        term.add(noBreak(a, text.substring(from, i)));
                    }
                    if (!term.isEmpty()) {
                        out.add(term);
                        term = new ArrayList<>();
                    }
                    from = i;
                } else if (depth <= 0 && c == QUAD) { // between two equations: a new line may start after it
                    term.add(noBreak(a, text.substring(from, i + 1)));
                    out.add(term);
                    term = new ArrayList<>();
                    from = i + 1;
                }
            }
            if (from < text.length()) {
                term.add(noBreak(a, text.substring(from)));
            }
        }
        if (!term.isEmpty()) {
            out.add(term);
        }
        return out;
    }

    private static MathAtom noBreak(MathAtom a, String text) {
        return new MathAtom(text.replace(' ', '\u00A0'), a.style(), a.level(), a.rise());
    }

    private static List<Text> texts(List<MathAtom> atoms, double size) {
        List<Text> out = new ArrayList<>();
        for (MathAtom a : atoms) {
            double s = size * Math.pow(SCRIPT_SCALE, a.level());
            Text t = new Text(a.text());
            t.setFont(Font.font(FAMILY, a.style() == MathAtom.Style.BOLD ? FontWeight.BOLD : FontWeight.NORMAL,
                    a.style() == MathAtom.Style.ITALIC ? FontPosture.ITALIC : FontPosture.REGULAR, s));
            t.setTranslateY(-a.rise() * size);
            t.getStyleClass().add("math");
            out.add(t);
        }
        return out;
    }
}
