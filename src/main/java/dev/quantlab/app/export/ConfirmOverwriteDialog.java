package dev.quantlab.app.export;

import dev.quantlab.app.i18n.I18n;
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
    private final Supplier<Window> owner;

    public ConfirmOverwriteDialog(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean allowOverwrite(List<Path> existing) {
        ButtonType replace = new ButtonType(I18n.t("app.overwrite.replace"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(I18n.t("app.overwrite.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", replace, keep);
        alert.initOwner(owner.get());
        alert.setTitle(I18n.t("app.overwrite.title"));
        alert.setHeaderText(existing.size() == 1 ? I18n.t("app.overwrite.one", existing.get(0).getFileName().toString())
                : I18n.t("app.overwrite.many", Integer.toString(existing.size())));
        String list = existing.stream().limit(LISTED).map(p -> "  " + p.getFileName()).collect(Collectors.joining("\n"));
        if (existing.size() > LISTED) {
            list += "\n  " + I18n.t("app.overwrite.more", Integer.toString(existing.size() - LISTED));
        }
        alert.setContentText(I18n.t("app.overwrite.question") + "\n" + list);
        return alert.showAndWait().orElse(keep) == replace;
    }
}
