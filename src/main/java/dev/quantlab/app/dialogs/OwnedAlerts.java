package dev.quantlab.app.dialogs;

import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.i18n.Texts;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Alerts over the app's window, in the window's current language. */
public final class OwnedAlerts {
    private final Supplier<Window> owner;
    private final Language language;

    public OwnedAlerts(Supplier<Window> owner, Language language) {
        this.owner = owner;
        this.language = language;
    }

    /** The texts of the current language. */
    public Texts texts() {
        return language.texts();
    }

    /** A button labelled by the text {@code key}. */
    public ButtonType button(String key, ButtonBar.ButtonData data) {
        return new ButtonType(texts().t(key), data);
    }

    /** An alert owned by the window, titled by the text {@code titleKey}, with {@code buttons}. */
    public Alert alert(Alert.AlertType type, String titleKey, ButtonType... buttons) {
        Alert alert = new Alert(type, "", buttons);
        alert.initOwner(owner.get());
        alert.setTitle(texts().t(titleKey));
        return alert;
    }
}
