package dev.quantlab.app.compare;

import dev.quantlab.app.i18n.Texts;
import dev.quantlab.model.ModelFiles;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Node;
import javafx.stage.FileChooser;

/** Picks a results file to add to the recorded runs; tests answer without a dialog. */
@FunctionalInterface
public interface ResultsFileChooser {
    /** The file the learner picked, or empty if they cancelled. */
    Optional<Path> choose(Node owner, Texts t);

    /** An open-file dialog for JSON results, starting in {@code models/} (where the shipped model's results are). */
    static ResultsFileChooser dialog() {
        return (owner, t) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(t.t("compare.import.title"));
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter(t.t("compare.import.filter"), "*.json"),
                    new FileChooser.ExtensionFilter(t.t("compare.import.all"), "*"));
            Path models = ModelFiles.resolve(null).toAbsolutePath().getParent();
            if (models != null && Files.isDirectory(models)) {
                chooser.setInitialDirectory(models.toAbsolutePath().toFile());
            }
            File picked = chooser.showOpenDialog(owner == null || owner.getScene() == null ? null
                    : owner.getScene().getWindow());
            return Optional.ofNullable(picked).map(File::toPath);
        };
    }
}
