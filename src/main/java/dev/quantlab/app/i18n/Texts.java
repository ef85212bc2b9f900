package dev.quantlab.app.i18n;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The UI texts of one language, immutable: the resource bundles {@code i18n/<area>} (English, e.g.
 * {@code i18n/qat.properties}) and their translations ({@code <area>_zh_TW.properties}: Traditional Chinese, the
 * lesson's original language); one bundle per area of the app, keys prefixed with the area ({@code qat.start}).
 * Views never hard-code a visible string: they call {@link #t} on the {@code Texts} they were built with; view
 * models ask the injected {@link Language} for the current one.
 */
public final class Texts {
    /** Languages the app ships, in the order the settings menu lists them. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.TRADITIONAL_CHINESE);

    /** One bundle per area; a key is looked up in each in turn. */
    public static final List<String> AREAS = List.of("messages", "app", "baseline", "kmeans", "qat", "linear",
            "integer", "compare");

    private final Locale locale;
    private final List<ResourceBundle> bundles;

    private Texts(Locale locale) {
        this.locale = supported(locale);
        this.bundles = load(this.locale);
    }

    /** The texts of the supported language closest to {@code wanted}. */
    public static Texts of(Locale wanted) {
        return new Texts(wanted);
    }

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

    public Locale locale() {
        return locale;
    }

    /**
     * The text for {@code key}, formatted with {@link MessageFormat} when arguments are given ({@link Describable}
     * arguments in this language).
     */
    public String t(String key, Object... args) {
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
        if (args.length == 0) {
            return pattern;
        }
        Object[] shown = args.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof Describable d) {
                shown[i] = d.describe(this);
            }
        }
        return new MessageFormat(pattern, locale).format(shown);
    }

    /** Whether {@code key} exists in this language's bundles (with the English fallback of missing areas). */
    public boolean has(String key) {
        return bundles.stream().anyMatch(b -> b.containsKey(key));
    }

    private static List<ResourceBundle> load(Locale locale) {
        List<ResourceBundle> out = new ArrayList<>();
        for (String area : AREAS) {
            try {
                out.add(ResourceBundle.getBundle("i18n/" + area, locale,
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
            } catch (MissingResourceException e) {
                // an area without texts yet
            }
        }
        return List.copyOf(out);
    }
}
