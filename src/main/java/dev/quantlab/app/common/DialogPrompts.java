package dev.quantlab.app.common;

import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.i18n.Texts;
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
    private final Language language;
    private DataDialog open;

    public DialogPrompts(Supplier<Window> owner, DatasetService data, ModelService model, Language language) {
        this.owner = owner;
        this.language = language;
        this.data = data;
        this.model = model;
    }

    @Override
    public void needData() {
        if (open != null && open.isShowing()) {
            return;
        }
        open = new DataDialog(owner.get(), data, language.texts());
        open.show();
    }

    @Override
    public void needModel() {
        Texts texts = language.texts();
        ButtonType choose = new ButtonType(texts.t("app.model.dialog.open"), ButtonBar.ButtonData.OK_DONE);
        ButtonType close = new ButtonType(texts.t("app.dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.INFORMATION, model.message().get(), choose, close);
        alert.initOwner(owner.get());
        alert.setTitle(texts.t("app.model.dialog.title"));
        alert.setHeaderText(texts.t("app.model.dialog.header"));
        if (alert.showAndWait().orElse(close) == choose) {
            openModelFile();
        }
    }

    /** A file chooser for .safetensors / .pth files; loads the chosen one. */
    @Override
    public void openModelFile() {
        Texts texts = language.texts();
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.t("app.model.chooser.title"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(texts.t("app.model.chooser.weights"), "*.safetensors", "*.pth",
                        "*.pt"),
                new FileChooser.ExtensionFilter(texts.t("app.model.chooser.all"), "*"));
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
