package dev.quantlab.app.export;

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
        ButtonType replace = new ButtonType("Replace", ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep existing", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", replace, keep);
        alert.initOwner(owner.get());
        alert.setTitle("Replace files?");
        alert.setHeaderText(existing.size() == 1 ? existing.get(0).getFileName() + " already exists."
                : existing.size() + " files already exist.");
        String list = existing.stream().limit(LISTED).map(p -> "  " + p.getFileName()).collect(Collectors.joining("\n"));
        if (existing.size() > LISTED) {
            list += "\n  … and " + (existing.size() - LISTED) + " more";
        }
        alert.setContentText("Replace them?\n" + list);
        return alert.showAndWait().orElse(keep) == replace;
    }
}
