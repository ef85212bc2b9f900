package dev.quantlab.app.export;

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
    private final Supplier<Window> owner;
    private final Language language;

    public ConfirmOverwriteDialog(Supplier<Window> owner, Language language) {
        this.owner = owner;
        this.language = language;
    }

    @Override
    public boolean allowOverwrite(List<Path> existing) {
        Texts texts = language.texts();
        ButtonType replace = new ButtonType(texts.t("app.overwrite.replace"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(texts.t("app.overwrite.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", replace, keep);
        alert.initOwner(owner.get());
        alert.setTitle(texts.t("app.overwrite.title"));
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
