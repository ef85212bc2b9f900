package dev.quantlab.app.common;

import dev.quantlab.app.i18n.I18n;
import dev.quantlab.app.jobs.ErrorReporter;
import dev.quantlab.app.jobs.Messages;
import dev.quantlab.core.CancelledException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** The one error dialog: a readable sentence, with the technical details folded away. */
public final class ErrorDialog implements ErrorReporter {
    private final Supplier<Window> owner;

    public ErrorDialog(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void report(String what, Throwable error) {
        if (error instanceof CancelledException) {
            return;
        }
        Alert alert = new Alert(Alert.AlertType.ERROR, "",
                new javafx.scene.control.ButtonType(I18n.t("app.dialog.ok"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE));
        alert.initOwner(owner.get());
        alert.setTitle(I18n.t("app.title"));
        alert.setHeaderText(I18n.t("app.error.header", what));
        alert.setContentText(Messages.describe(error));
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
