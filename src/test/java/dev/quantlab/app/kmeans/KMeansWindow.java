package dev.quantlab.app.kmeans;

import dev.quantlab.app.TestWeights;
import dev.quantlab.app.TestWindow;
import dev.quantlab.app.services.AppServices;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.stage.Stage;

/**
 * The app's real wiring ({@link TestWindow}) in a test stage of a chosen size, opened on the K-Means tab, with a
 * freshly initialised VGG as the model; errors and prompts are recorded.
 */
final class KMeansWindow implements AutoCloseable {
    final TestWindow window;
    final KMeansTab tab;
    final List<Throwable> errors;

    KMeansWindow(Stage stage, Path home, Path dataRoot, Locale language, int width, int height) {
        window = new TestWindow(stage, model(), dataRoot, home, language, width, height, KMeansTab.ID);
        tab = (KMeansTab) window.window.tab(KMeansTab.ID).orElseThrow();
        errors = window.errors.errors;
    }

    /** A freshly initialised VGG in a temporary .safetensors file, written once per test run. */
    static Path model() {
        return TestWeights.file();
    }

    AppServices services() {
        return window.services;
    }

    KMeansViewModel vm() {
        return tab.vm;
    }

    @Override
    public void close() {
        window.close();
    }
}
