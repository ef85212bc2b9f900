package dev.quantlab.app.compare;

import dev.quantlab.app.i18n.I18n;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.Node;

/** Asks before every recorded run is forgotten; tests answer without a dialog. */
@FunctionalInterface
public interface ClearConfirmation {
    /** Whether to clear {@code count} recorded runs. */
    boolean confirm(Node owner, int count);

    /** A confirmation dialog; "Keep" is the default answer. */
    static ClearConfirmation dialog() {
        return (owner, count) -> {
            ButtonType clear = new ButtonType(I18n.t("compare.clear.yes"), ButtonBar.ButtonData.OK_DONE);
            ButtonType keep = new ButtonType(I18n.t("compare.clear.no"), ButtonBar.ButtonData.CANCEL_CLOSE);
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, I18n.t("compare.clear.text", count), clear, keep);
            if (owner != null && owner.getScene() != null) {
                alert.initOwner(owner.getScene().getWindow());
            }
            alert.setTitle(I18n.t("compare.clear.title"));
            alert.setHeaderText(I18n.t("compare.clear.header"));
            ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
            ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(clear)).setDefaultButton(false);
            return alert.showAndWait().orElse(keep) == clear;
        };
    }
}
