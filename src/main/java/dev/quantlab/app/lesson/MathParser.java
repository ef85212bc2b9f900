package dev.quantlab.app.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses the small TeX subset of the lesson formulas into {@link MathAtom}s: letters (italic), numbers and
 * operators (upright), {@code _x}/{@code _{..}} subscripts, {@code ^x}/{@code ^{..}} superscripts,
 * {@code \text{..}} and {@code \mathrm{..}} words, {@code \mathbf{..}}, {@code \frac{a}{b}} (set as a/b),
 * {@code \sqrt{..}} and the symbols in {@link #SYMBOLS}. Unknown commands are shown by name and listed in
 * {@link Result#unknown()} so that tests catch them.
 */
public final class MathParser {
    static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
            Map.entry("epsilon", "ε"), Map.entry("mu", "μ"), Map.entry("sigma", "σ"), Map.entry("Delta", "Δ"),
            Map.entry("sum", "∑"), Map.entry("cdot", "·"), Map.entry("times", "×"), Map.entry("approx", "≈"),
            Map.entry("le", "≤"), Map.entry("ge", "≥"), Map.entry("ne", "≠"), Map.entry("in", "∈"),
            Map.entry("to", "→"), Map.entry("rightarrow", "→"), Map.entry("leftarrow", "←"),
            Map.entry("partial", "∂"), Map.entry("infty", "∞"), Map.entry("pm", "±"), Map.entry("ldots", "…"),
            Map.entry("lfloor", "⌊"), Map.entry("rfloor", "⌋"), Map.entry("lceil", "⌈"), Map.entry("rceil", "⌉"),
            Map.entry("mid", " | "), Map.entry("quad", "\u2003"), Map.entry(",", "\u2009"), Map.entry(";", "\u2005"),
            Map.entry("{", "{"), Map.entry("}", "}"), Map.entry("%", "%"), Map.entry("|", "‖"));
    private static final Set<String> WORDS = Set.of("min", "max", "arg", "round", "clamp", "mean", "log", "exp");
    private static final Set<String> GROUP_STYLES = Set.of("text", "mathrm", "operatorname", "mathbf");
    private static final double SUP_RISE = 0.38;
    private static final double SUB_DROP = -0.22;

    /** The atoms of a formula and any commands the parser did not know. */
    public record Result(List<MathAtom> atoms, Set<String> unknown) { }

    private final String tex;
    private final List<MathAtom> atoms = new ArrayList<>();
    private final Set<String> unknown = new TreeSet<>();
    private int pos;

    private MathParser(String tex) {
        this.tex = tex;
    }

    public static Result parse(String tex) {
        MathParser p = new MathParser(tex);
        p.sequence(0, 0, false);
        return new Result(List.copyOf(p.atoms), p.unknown);
    }

    /** Parses until the end, or until the closing brace when {@code inGroup}. */
    private void sequence(int level, double rise, boolean inGroup) {
        while (pos < tex.length()) {
            char c = tex.charAt(pos);
            if (c == '}' && inGroup) {
                pos++;
                return;
            }
            element(level, rise);
        }
    }

    private void element(int level, double rise) {
        char c = tex.charAt(pos);
        if (c == '{') {
            pos++;
            sequence(level, rise, true);
        } else if (c == '_' || c == '^') {
            pos++;
            double shift = (c == '^' ? SUP_RISE : SUB_DROP) * Math.pow(0.75, level);
            argument(level + 1, rise + shift);
        } else if (c == '\\') {
            command(level, rise);
        } else if (Character.isLetter(c)) {
            int start = pos;
            while (pos < tex.length() && Character.isLetter(tex.charAt(pos))) {
                pos++;
            }
            add(tex.substring(start, pos), MathAtom.Style.ITALIC, level, rise);
        } else if (c == ' ') {
            while (pos < tex.length() && tex.charAt(pos) == ' ') {
                pos++;
            }
            add(" ", MathAtom.Style.UPRIGHT, level, rise);
        } else {
            pos++;
            add(c == '-' ? "−" : String.valueOf(c), MathAtom.Style.UPRIGHT, level, rise);
        }
    }

    /** One token or a braced group, as a script or a command argument. */
    private void argument(int level, double rise) {
        if (pos >= tex.length()) {
            return;
        }
        if (tex.charAt(pos) == '{') {
            pos++;
            sequence(level, rise, true);
        } else if (tex.charAt(pos) == '\\') {
            command(level, rise);
        } else {
            add(String.valueOf(tex.charAt(pos++)), Character.isLetter(tex.charAt(pos - 1))
                    ? MathAtom.Style.ITALIC : MathAtom.Style.UPRIGHT, level, rise);
        }
    }

    private void command(int level, double rise) {
        pos++; // the backslash
        int start = pos;
        while (pos < tex.length() && Character.isLetter(tex.charAt(pos))) {
            pos++;
        }
        if (pos == start && pos < tex.length()) {
            pos++; // a one-character command such as \, or \{
        }
        String name = tex.substring(start, pos);
        if (GROUP_STYLES.contains(name)) {
            add(rawGroup(), name.equals("mathbf") ? MathAtom.Style.BOLD : MathAtom.Style.UPRIGHT, level, rise);
        } else if (name.equals("frac")) {
            argument(level, rise);
            add("/", MathAtom.Style.UPRIGHT, level, rise);
            argument(level, rise);
        } else if (name.equals("sqrt")) {
            add("√(", MathAtom.Style.UPRIGHT, level, rise);
            argument(level, rise);
            add(")", MathAtom.Style.UPRIGHT, level, rise);
        } else if (WORDS.contains(name)) {
            add(name, MathAtom.Style.UPRIGHT, level, rise);
        } else if (SYMBOLS.containsKey(name)) {
            add(SYMBOLS.get(name), MathAtom.Style.UPRIGHT, level, rise);
        } else {
            unknown.add(name);
            add("\\" + name, MathAtom.Style.UPRIGHT, level, rise);
        }
    }

    /** The literal text of a braced group (for \text and friends). */
    private String rawGroup() {
        if (pos >= tex.length() || tex.charAt(pos) != '{') {
            return "";
        }
        int close = tex.indexOf('}', pos);
        String text = close < 0 ? tex.substring(pos + 1) : tex.substring(pos + 1, close);
        pos = close < 0 ? tex.length() : close + 1;
        return text;
    }

    /** Appends text, merging it into the previous atom when the style and position match. */
    private void add(String text, MathAtom.Style style, int level, double rise) {
        if (!atoms.isEmpty()) {
            MathAtom last = atoms.get(atoms.size() - 1);
            if (last.style() == style && last.level() == level && last.rise() == rise) {
                atoms.set(atoms.size() - 1, new MathAtom(last.text() + text, style, level, rise));
                return;
            }
        }
        atoms.add(new MathAtom(text, style, level, rise));
    }
}
