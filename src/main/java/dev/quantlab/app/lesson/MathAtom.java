package dev.quantlab.app.lesson;

/**
 * A run of formula text in one style and position.
 *
 * @param text  the characters to show
 * @param style italic for variables, upright for numbers, operators and words, bold for indicator symbols
 * @param level script nesting depth (0 for the base line; sub- and superscripts are 1, their scripts 2)
 * @param rise  vertical offset in em, positive upwards (superscripts), negative downwards (subscripts)
 */
public record MathAtom(String text, Style style, int level, double rise) {
    /** How an atom is set. */
    public enum Style { ITALIC, UPRIGHT, BOLD }
}
