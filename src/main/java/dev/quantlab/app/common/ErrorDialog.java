package dev.quantlab.app.common;

import dev.quantlab.app.dialogs.OwnedAlerts;
import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.jobs.ErrorReporter;
import dev.quantlab.app.jobs.Messages;
import dev.quantlab.core.CancelledException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** The one error dialog: a readable sentence, with the technical details folded away. */
public final class ErrorDialog implements ErrorReporter {
    private final OwnedAlerts alerts;

    public ErrorDialog(Supplier<Window> owner, Language language) {
        this.alerts = new OwnedAlerts(owner, language);
    }

    @Override
    public void report(String what, Throwable error) {
        if (error instanceof CancelledException) {
            return;
        }
        Texts texts = alerts.texts();
        Alert alert = alerts.alert(Alert.AlertType.ERROR, "app.title",
                alerts.button("app.dialog.ok", ButtonBar.ButtonData.OK_DONE));
        alert.setHeaderText(texts.t("app.error.header", what));
        alert.setContentText(Messages.describe(texts, error));
        if (error != null) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            TextArea details = new TextArea(trace.toString());
            details.setEditable(false);
            details.setPrefRowCount(12);
            alert.getDialogPane().setExpandableContent(details);
        }
        alert.show();
    }
}
