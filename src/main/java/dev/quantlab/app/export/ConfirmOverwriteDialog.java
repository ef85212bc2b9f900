package dev.quantlab.app.export;

import dev.quantlab.app.dialogs.OwnedAlerts;
import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.i18n.Texts;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The app's {@link OverwritePolicy}: asks the user once, listing the files that would be replaced. */
public final class ConfirmOverwriteDialog implements OverwritePolicy {
    private static final int LISTED = 8;
    private final OwnedAlerts alerts;

    public ConfirmOverwriteDialog(Supplier<Window> owner, Language language) {
        this.alerts = new OwnedAlerts(owner, language);
    }

    @Override
    public boolean allowOverwrite(List<Path> existing) {
        Texts texts = alerts.texts();
        ButtonType replace = alerts.button("app.overwrite.replace", ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = alerts.button("app.overwrite.keep", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = alerts.alert(Alert.AlertType.CONFIRMATION, "app.overwrite.title", replace, keep);
        alert.setHeaderText(existing.size() == 1 ? texts.t("app.overwrite.one", existing.get(0).getFileName().toString())
                : texts.t("app.overwrite.many", Integer.toString(existing.size())));
        String list = existing.stream().limit(LISTED).map(p -> "  " + p.getFileName()).collect(Collectors.joining("\n"));
        if (existing.size() > LISTED) {
            list += "\n  " + texts.t("app.overwrite.more", Integer.toString(existing.size() - LISTED));
        }
        alert.setContentText(texts.t("app.overwrite.question") + "\n" + list);
        return alert.showAndWait().orElse(keep) == replace;
    }
}
