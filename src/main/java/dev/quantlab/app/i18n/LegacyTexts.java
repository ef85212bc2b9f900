package dev.quantlab.app.i18n;

/**
 * The one bridge from the deprecated static {@link I18n} to {@link Texts}, for the deprecated overloads that tab
 * code not yet moved to an injected {@link Language} still calls (issue #16). {@code AppWiring} keeps {@link I18n}
 * in step with the window's {@link Language} meanwhile. Delete this class, those overloads and that sync together
 * with {@link I18n}.
 */
@Deprecated(forRemoval = true)
public final class LegacyTexts {
    private LegacyTexts() { }

    /** The texts of the language {@link I18n} holds now. */
    public static Texts current() {
        return Texts.of(I18n.locale());
    }

    /** Keeps {@link I18n} in step with {@code language} (for code that still reads it). */
    public static void follow(Language language) {
        language.textsProperty().subscribe(t -> I18n.setLocale(t.locale()));
    }
}
