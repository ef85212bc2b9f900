package dev.quantlab.app.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * UI texts from the resource bundle {@code i18n/messages} (English) and its translations
 * ({@code messages_zh_TW}: Traditional Chinese, the lesson's original language). Views never hard-code a
 * visible string: they call {@link #t}. The language is chosen once per window build; switching language
 * rebuilds the window.
 */
public final class I18n {
    /** Languages the app ships, in the order the settings menu lists them. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.TRADITIONAL_CHINESE);

    private static volatile ResourceBundle bundle = load(Locale.getDefault());
    private static volatile Locale current = supported(Locale.getDefault());

    private I18n() { }

    /** The supported language closest to {@code wanted} (Traditional Chinese for zh-TW/zh-HK/zh-Hant, else English). */
    public static Locale supported(Locale wanted) {
        if (wanted != null && "zh".equals(wanted.getLanguage())) {
            String c = wanted.getCountry();
            if ("TW".equals(c) || "HK".equals(c) || "MO".equals(c) || "Hant".equals(wanted.getScript())) {
                return Locale.TRADITIONAL_CHINESE;
            }
        }
        return Locale.ENGLISH;
    }

    public static void setLocale(Locale locale) {
        current = supported(locale);
        bundle = load(current);
    }

    public static Locale locale() {
        return current;
    }

    /** The text for {@code key}, formatted with {@link MessageFormat} when arguments are given. */
    public static String t(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, current).format(args);
    }

    /** Whether {@code key} exists in the English bundle (for tests that check completeness). */
    public static boolean has(String key) {
        return bundle.containsKey(key);
    }

    private static ResourceBundle load(Locale locale) {
        return ResourceBundle.getBundle("i18n/messages", supported(locale),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
