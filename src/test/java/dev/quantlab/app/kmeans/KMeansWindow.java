package dev.quantlab.app.kmeans;

import dev.quantlab.app.AppWiring;
import dev.quantlab.app.common.Prompts;
import dev.quantlab.app.services.AppConfig;
import dev.quantlab.model.SafetensorsFile;
import dev.quantlab.model.TensorData;
import dev.quantlab.model.VggNet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.stage.Stage;

/**
 * The app's real wiring ({@link AppWiring}) in a test stage of a chosen size, opened on the K-Means tab, with a
 * freshly initialised VGG as the model; errors and prompts are recorded.
 */
final class KMeansWindow implements AutoCloseable {
    private static Path weights;
    final AppWiring wiring;
    final KMeansTab tab;
    final List<Throwable> errors = new CopyOnWriteArrayList<>();
    final List<String> prompts = new CopyOnWriteArrayList<>();

    KMeansWindow(Stage stage, Path home, Path dataRoot, Locale language, int width, int height) {
        AppConfig config = new AppConfig(model(), dataRoot, home.resolve("gui-settings.json"), language);
        wiring = new AppWiring(config, () -> stage, l -> (what, e) -> errors.add(e),
                (root, progress, cancel) -> {
                    throw new IllegalStateException("no downloads in tests");
                }, s -> new Prompts() {
                    @Override
                    public void needData() {
                        prompts.add("data");
                    }

                    @Override
                    public void needModel() {
                        prompts.add("model");
                    }

                    @Override
                    public void openModelFile() {
                        prompts.add("open");
                    }
                }, stage::close);
        wiring.window().switchLanguage(language);
        tab = (KMeansTab) wiring.window().tab(KMeansTab.ID).orElseThrow();
        stage.setScene(wiring.scene(width, height));
        stage.sizeToScene();
        stage.setX(0);
        stage.setY(0);
        stage.show();
        wiring.window().select(KMeansTab.ID);
        wiring.services().start();
    }

    /** A freshly initialised VGG in a temporary .safetensors file, written once per test run. */
    static synchronized Path model() {
        if (weights == null) {
            try {
                Path dir = Files.createTempDirectory("quantlab-kmeans-test");
                dir.toFile().deleteOnExit();
                weights = dir.resolve("vgg-init.safetensors");
                SafetensorsFile.write(weights, VggNet.initialWeights(7), Map.of(), TensorData.DType.F32);
                weights.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return weights;
    }

    KMeansViewModel vm() {
        return tab.vm;
    }

    @Override
    public void close() {
        wiring.close();
    }
}
