package dev.quantlab.app.common;

import dev.quantlab.app.i18n.I18n;
import dev.quantlab.app.services.DatasetService;
import dev.quantlab.app.services.ModelService;
import java.io.File;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link Prompts} with dialogs: the CIFAR-10 dialog, and a model explanation leading to a file chooser. */
public final class DialogPrompts implements Prompts {
    private final Supplier<Window> owner;
    private final DatasetService data;
    private final ModelService model;
    private DataDialog open;

    public DialogPrompts(Supplier<Window> owner, DatasetService data, ModelService model) {
        this.owner = owner;
        this.data = data;
        this.model = model;
    }

    @Override
    public void needData() {
        if (open != null && open.isShowing()) {
            return;
        }
        open = new DataDialog(owner.get(), data);
        open.show();
    }

    @Override
    public void needModel() {
        ButtonType choose = new ButtonType(I18n.t("app.model.dialog.open"), ButtonBar.ButtonData.OK_DONE);
        ButtonType close = new ButtonType(I18n.t("app.dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.INFORMATION, model.message().get(), choose, close);
        alert.initOwner(owner.get());
        alert.setTitle(I18n.t("app.model.dialog.title"));
        alert.setHeaderText(I18n.t("app.model.dialog.header"));
        if (alert.showAndWait().orElse(close) == choose) {
            openModelFile();
        }
    }

    /** A file chooser for .safetensors / .pth files; loads the chosen one. */
    @Override
    public void openModelFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(I18n.t("app.model.chooser.title"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(I18n.t("app.model.chooser.weights"), "*.safetensors", "*.pth",
                        "*.pt"),
                new FileChooser.ExtensionFilter(I18n.t("app.model.chooser.all"), "*"));
        if (model.path().get() != null && model.path().get().toAbsolutePath().getParent() != null
                && model.path().get().toAbsolutePath().getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(model.path().get().toAbsolutePath().getParent().toFile());
        }
        File f = chooser.showOpenDialog(owner.get());
        if (f != null) {
            model.load(f.toPath());
        }
    }
}
