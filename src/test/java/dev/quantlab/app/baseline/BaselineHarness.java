package dev.quantlab.app.baseline;

import dev.quantlab.app.common.Prompts;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.Theme;
import dev.quantlab.app.export.ExportActions;
import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.export.OverwritePolicy;
import dev.quantlab.app.services.AppConfig;
import dev.quantlab.app.services.AppServices;
import dev.quantlab.core.UserFacingException;
import dev.quantlab.model.SafetensorsFile;
import dev.quantlab.model.TensorData;
import dev.quantlab.model.VggNet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import javafx.stage.Stage;

/**
 * The Baseline tab on the app's real services (results file in a temp folder, the given model and data), shown alone
 * in a stage of the size the tab gets in a window (e.g. 934×606 in a 1280×720 window, beside the lesson pane),
 * with errors recorded.
 */
final class BaselineHarness implements AutoCloseable {
    /** The tab's area in a 1280×720 window (the lesson pane, menus, tab bar and status bar aside). */
    static final double WIDTH_1280 = 934;
    static final double HEIGHT_720 = 606;
    final AppServices services;
    final ExportActions export;
    final BaselineTab tab;
    final List<Throwable> errors = new CopyOnWriteArrayList<>();

    BaselineHarness(Stage stage, Path model, Path data, Path home, Locale language, double width, double height) {
        Language lang = new Language(language);
        services = new AppServices(new AppConfig(model, data, home.resolve("gui-settings.json"),
                language), lang, (what, error) -> errors.add(error), (root, progress, cancel) -> {
                    throw new UserFacingException("downloads are disabled in tests");
                });
        export = new ExportActions(() -> stage, services.jobs(), (what, error) -> errors.add(error),
                services.notice()::set, services.language());
        export.setOverwritePolicy(OverwritePolicy.NEVER);
        tab = new BaselineTab(new TabContext(services, export, NO_PROMPTS));
        StackPane root = new StackPane(tab.content());
        if ("zh".equals(language.getLanguage())) {
            Theme.CJK_FAMILIES.stream().filter(Font.getFamilies()::contains).findFirst()
                    .ifPresent(f -> root.setStyle("-fx-font-family: \"" + f + "\";"));
        }
        Scene scene = new Scene(root, width, height);
        Theme.apply(scene, language);
        stage.setScene(scene);
        stage.sizeToScene(); // TestFX reuses one stage across test classes
        stage.setX(0);
        stage.setY(0);
        stage.show();
        services.start();
    }

    private static Path weights;

    /** A freshly initialised VGG, written once per test run (no trained model needed here). */
    static synchronized Path weights() {
        if (weights == null) {
            try {
                Path dir = Files.createTempDirectory("quantlab-baseline-test");
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

    /** The content now shown (the view is rebuilt after a language switch). */
    Parent content() {
        return (Parent) tab.content();
    }

    BaselineView view() {
        return (BaselineView) tab.content();
    }

    private static final Prompts NO_PROMPTS = new Prompts() {
        @Override
        public void needData() { }

        @Override
        public void needModel() { }

        @Override
        public void openModelFile() { }
    };

    @Override
    public void close() {
        services.results().clear();
        services.close();
    }
}
