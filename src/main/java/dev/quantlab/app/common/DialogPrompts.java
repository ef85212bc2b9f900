package dev.quantlab.app.common;

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
        ButtonType choose = new ButtonType("Open model file…", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.INFORMATION, model.message().get(), choose, ButtonType.CLOSE);
        alert.initOwner(owner.get());
        alert.setTitle("Model weights needed");
        alert.setHeaderText("This needs the trained VGG's weights");
        if (alert.showAndWait().orElse(ButtonType.CLOSE) == choose) {
            openModelFile();
        }
    }

    /** A file chooser for .safetensors / .pth files; loads the chosen one. */
    @Override
    public void openModelFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open model weights");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Model weights (*.safetensors, *.pth, *.pt)", "*.safetensors", "*.pth",
                        "*.pt"),
                new FileChooser.ExtensionFilter("All files", "*"));
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
