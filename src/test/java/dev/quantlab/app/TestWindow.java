package dev.quantlab.app;

import dev.quantlab.app.export.ExportActions;
import dev.quantlab.app.export.OverwritePolicy;
import dev.quantlab.app.services.AppConfig;
import dev.quantlab.app.services.AppServices;
import dev.quantlab.app.services.DatasetDownloader;
import dev.quantlab.core.UserFacingException;
import java.nio.file.Path;
import java.util.Locale;
import javafx.stage.Stage;

/**
 * The main window wired by {@link AppWiring} as {@link QuantLabApp} wires it, with test doubles: an injected model file and
 * data root, a settings file in a temp folder, recorded errors and prompts, and no overwrite dialogs. Public for the
 * tests of the tab packages.
 */
public final class TestWindow implements AutoCloseable {
    public final AppServices services;
    public final MainWindow window;
    public final RecordingPrompts prompts = new RecordingPrompts();
    public final RecordingErrors errors = new RecordingErrors();
    public final ExportActions export;

    public TestWindow(Stage stage, Path model, Path dataRoot, Path home) {
        // tests assert English texts unless they switch
        this(stage, model, dataRoot, home, Locale.ENGLISH, 1200, 760, null);
    }

    /**
     * A window in {@code language} of {@code width} x {@code height}, showing the tab {@code tabId} (null: the first)
     * before the services start.
     */
    public TestWindow(Stage stage, Path model, Path dataRoot, Path home, Locale language, int width, int height,
                      String tabId) {
        AppConfig config = new AppConfig(model, dataRoot, home.resolve("gui-settings.json"), language);
        AppWiring wiring = new AppWiring(config, () -> stage, l -> errors, noDownloads(), s -> prompts, stage::close);
        services = wiring.services();
        window = wiring.window();
        export = wiring.export();
        export.setOverwritePolicy(OverwritePolicy.NEVER);
        if (tabId != null) {
            window.switchLanguage(language);
        }
        stage.setScene(wiring.scene(width, height));
        // TestFX reuses one stage: a size or place an earlier test gave it must not carry over (a button could
        // then lie off the headless screen, where a click misses it)
        stage.sizeToScene();
        stage.setX(0);
        stage.setY(0);
        stage.setTitle(QuantLabApp.TITLE);
        stage.show();
        if (tabId != null) {
            window.select(tabId);
        }
        services.start();
    }

    public static DatasetDownloader noDownloads() {
        return (root, progress, cancel) -> {
            throw new UserFacingException("downloads are disabled in tests");
        };
    }

    @Override
    public void close() {
        services.close();
    }
}
