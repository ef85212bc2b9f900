package dev.quantlab.app.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * UI texts from the resource bundles {@code i18n/<area>} (English, e.g. {@code i18n/qat.properties}) and their
 * translations ({@code <area>_zh_TW.properties}: Traditional Chinese, the lesson's original language); one
 * bundle per area of the app, keys prefixed with the area ({@code qat.start}). Views never hard-code a
 * visible string: they call {@link #t}. The language is chosen once per window build; switching language
 * rebuilds the window.
 */
public final class I18n {
    /** Languages the app ships, in the order the settings menu lists them. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.TRADITIONAL_CHINESE);

    /** One bundle per area; a key is looked up in each in turn. */
    public static final List<String> AREAS = List.of("messages", "app", "baseline", "kmeans", "qat", "linear",
            "integer", "compare");

    private static volatile List<ResourceBundle> bundles = load(Locale.getDefault());
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
        bundles = load(current);
    }

    public static Locale locale() {
        return current;
    }

    /** The text for {@code key}, formatted with {@link MessageFormat} when arguments are given. */
    public static String t(String key, Object... args) {
        String pattern = null;
        for (ResourceBundle b : bundles) {
            if (b.containsKey(key)) {
                pattern = b.getString(key);
                break;
            }
        }
        if (pattern == null) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, current).format(args);
    }

    /** Whether {@code key} exists in the English bundle (for tests that check completeness). */
    public static boolean has(String key) {
        return bundles.stream().anyMatch(b -> b.containsKey(key));
    }

    private static List<ResourceBundle> load(Locale locale) {
        List<ResourceBundle> out = new java.util.ArrayList<>();
        for (String area : AREAS) {
            try {
                out.add(ResourceBundle.getBundle("i18n/" + area, supported(locale),
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
            } catch (MissingResourceException e) {
                // an area without texts yet
            }
        }
        return List.copyOf(out);
    }
}
