package dev.quantlab.app.i18n;

import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The app's current language, one instance per window, injected into the view models that produce texts (status
 * lines, log lines). Views get the {@link Texts} they are built with; a language switch rebuilds them. Use on the
 * FX thread; {@link #texts()} may be read from any thread (the value is immutable).
 */
public final class Language {
    private final ReadOnlyObjectWrapper<Texts> texts;

    public Language(Locale initial) {
        this.texts = new ReadOnlyObjectWrapper<>(Texts.of(initial));
    }

    /** The texts of the language in use now. */
    public Texts texts() {
        return texts.get();
    }

    /** Shorthand for {@code texts().t(key, args)}. */
    public String t(String key, Object... args) {
        return texts().t(key, args);
    }

    public Locale locale() {
        return texts().locale();
    }

    public ReadOnlyObjectProperty<Texts> textsProperty() {
        return texts.getReadOnlyProperty();
    }

    /** Switches to the supported language closest to {@code wanted}. */
    public void use(Locale wanted) {
        texts.set(Texts.of(wanted));
    }
}
