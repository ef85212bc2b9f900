package dev.quantlab.app.compare;

import dev.quantlab.app.i18n.Texts;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.Node;

/** Asks before every recorded run is forgotten; tests answer without a dialog. */
@FunctionalInterface
public interface ClearConfirmation {
    /** Whether to clear {@code count} recorded runs; asked in the language of {@code t}. */
    boolean confirm(Node owner, int count, Texts t);

    /** A confirmation dialog; "Keep" is the default answer. */
    static ClearConfirmation dialog() {
        return (owner, count, t) -> {
            ButtonType clear = new ButtonType(t.t("compare.clear.yes"), ButtonBar.ButtonData.OK_DONE);
            ButtonType keep = new ButtonType(t.t("compare.clear.no"), ButtonBar.ButtonData.CANCEL_CLOSE);
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, t.t("compare.clear.text", count), clear, keep);
            if (owner != null && owner.getScene() != null) {
                alert.initOwner(owner.getScene().getWindow());
            }
            alert.setTitle(t.t("compare.clear.title"));
            alert.setHeaderText(t.t("compare.clear.header"));
            ((Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
            ((Button) alert.getDialogPane().lookupButton(clear)).setDefaultButton(false);
            return alert.showAndWait().orElse(keep) == clear;
        };
    }
}
