package dev.quantlab.app.services;

import dev.quantlab.app.settings.SettingsStore;
import dev.quantlab.core.QuantLabHome;
import dev.quantlab.data.DataLocator;
import dev.quantlab.model.ModelFiles;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the app finds its inputs and keeps its settings; tests pass their own.
 *
 * @param modelPath    the weights file to open first
 * @param dataRoot     the folder holding (or to receive) CIFAR-10
 * @param settingsFile the window settings file
 * @param language     language of the lesson texts (falls back to English)
 */
public record AppConfig(Path modelPath, Path dataRoot, Path settingsFile, Locale language) {

    /** {@code $QUANTLAB_MODEL} or the shipped model, {@code $QUANTLAB_DATA}, {@code ~/.quantlab/data} or {@code ../shared/data}. */
    public static AppConfig defaults() {
        return new AppConfig(ModelFiles.resolve(null), DataLocator.readRoot(null),
                QuantLabHome.dir().resolve(SettingsStore.FILE_NAME), Locale.getDefault());
    }

    /** The recorded runs ({@code results.json}), kept beside the settings file. */
    public Path resultsFile() {
        return settingsFile.resolveSibling(dev.quantlab.results.ResultsStore.FILE_NAME);
    }

    public AppConfig withModel(Path model) {
        return new AppConfig(model, dataRoot, settingsFile, language);
    }

    public AppConfig withLanguage(Locale l) {
        return new AppConfig(modelPath, dataRoot, settingsFile, l);
    }

    public AppConfig withDataRoot(Path root) {
        return new AppConfig(modelPath, root, settingsFile, language);
    }
}
