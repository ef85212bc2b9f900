package dev.quantlab.app.common;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.text.Font;

/**
 * The app's one CSS theme ({@code /assets/styles/quantlab.css}), plus a small language sheet: JavaFX uses only the
 * first installed family of a {@code -fx-font-family} list and does not fall back to a CJK font by itself, so in
 * Chinese the root font becomes the first installed Traditional Chinese font (Noto Sans CJK TC on Linux, from the
 * {@code fonts-noto-cjk} package; Microsoft JhengHei on Windows; PingFang TC on macOS).
 */
public final class Theme {
    public static final String RESOURCE = "/assets/styles/quantlab.css";
    /** Families that hold Traditional Chinese glyphs, best first. */
    public static final List<String> CJK_FAMILIES = List.of("Noto Sans CJK TC", "Noto Sans TC", "Source Han Sans TC",
            "Source Han Sans TW", "Microsoft JhengHei", "Microsoft JhengHei UI", "PingFang TC", "Heiti TC",
            "Noto Sans CJK HK", "Source Han Sans HK", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Noto Sans CJK SC",
            "Noto Sans CJK JP", "Droid Sans Fallback", "AR PL UMing TW");
    private static final String LANGUAGE_SHEET = "data:text/css;base64,";
    private static volatile Optional<String> cjkFamily;

    private Theme() { }

    public static String stylesheet() {
        URL url = Theme.class.getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException("missing stylesheet " + RESOURCE);
        }
        return url.toExternalForm();
    }

    /** The theme and the sheet of {@code locale}'s language. */
    public static void apply(Scene scene, Locale locale) {
        scene.getStylesheets().add(stylesheet());
        applyLanguage(scene.getStylesheets(), locale);
    }

    public static void apply(DialogPane pane, Locale locale) {
        pane.getStylesheets().add(stylesheet());
        applyLanguage(pane.getStylesheets(), locale);
    }

    /** Replaces the language sheet after a language switch. */
    public static void applyLanguage(Scene scene, Locale locale) {
        applyLanguage(scene.getStylesheets(), locale);
    }

    private static void applyLanguage(ObservableList<String> sheets, Locale locale) {
        sheets.removeIf(s -> s.startsWith(LANGUAGE_SHEET));
        languageSheet(locale).ifPresent(sheets::add);
    }

    /** The extra sheet for the current language, if it needs one (a data URI). */
    static Optional<String> languageSheet(Locale locale) {
        if (!"zh".equals(locale.getLanguage())) {
            return Optional.empty();
        }
        return cjkFamily().map(family -> LANGUAGE_SHEET + Base64.getEncoder().encodeToString(
                (".root { -fx-font-family: \"" + family + "\"; }\n").getBytes(StandardCharsets.UTF_8)));
    }

    /** The first installed family of {@link #CJK_FAMILIES}, if any. */
    static Optional<String> cjkFamily() {
        Optional<String> f = cjkFamily;
        if (f == null) {
            List<String> installed = Font.getFamilies();
            f = CJK_FAMILIES.stream().filter(installed::contains).findFirst();
            cjkFamily = f;
        }
        return f;
    }
}
