package dev.quantlab.app.export;

import java.util.Locale;

/** File base names for exports: lower case letters, digits and dashes. */
public final class FileNames {
    private FileNames() { }

    /** {@code "Per-class accuracy (fp32)"} becomes {@code "per-class-accuracy-fp32"}. */
    public static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "figure" : s;
    }

    static void requireSafe(String name) {
        if (name == null || name.isBlank() || !name.equals(slug(name))) {
            throw new IllegalArgumentException("not a safe file base name: '" + name + "' (use FileNames.slug)");
        }
    }
}
