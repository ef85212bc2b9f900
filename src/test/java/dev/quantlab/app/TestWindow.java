package dev.quantlab.app;

import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.Theme;
import dev.quantlab.app.export.ExportActions;
import dev.quantlab.app.export.OverwritePolicy;
import dev.quantlab.app.lesson.LessonLibrary;
import dev.quantlab.app.services.AppConfig;
import dev.quantlab.app.services.AppServices;
import dev.quantlab.app.services.DatasetDownloader;
import dev.quantlab.core.UserFacingException;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The main window built the way {@link QuantLabApp} builds it, with test doubles: an injected model file and
 * data root, a settings file in a temp folder, recorded errors and prompts, and no overwrite dialogs.
 */
final class TestWindow implements AutoCloseable {
    final AppServices services;
    final MainWindow window;
    final RecordingPrompts prompts = new RecordingPrompts();
    final RecordingErrors errors = new RecordingErrors();
    final ExportActions export;

    TestWindow(Stage stage, Path model, Path dataRoot, Path home) {
        AppConfig config = new AppConfig(model, dataRoot, home.resolve("gui-settings.json"), Locale.ENGLISH);
        dev.quantlab.app.i18n.I18n.setLocale(Locale.ENGLISH); // tests assert English texts unless they switch
        services = new AppServices(config, errors, noDownloads());
        export = new ExportActions(() -> stage, services.jobs(), errors, services.notice()::set);
        export.setOverwritePolicy(OverwritePolicy.NEVER);
        window = new MainWindow(new TabContext(services, export, prompts), LessonLibrary.load(Locale.ENGLISH),
                stage::close);
        Scene scene = new Scene(window.root(), 1200, 760);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.setTitle(QuantLabApp.TITLE);
        stage.show();
        services.start();
    }

    static DatasetDownloader noDownloads() {
        return (root, progress, cancel) -> {
            throw new UserFacingException("downloads are disabled in tests");
        };
    }

    @Override
    public void close() {
        services.close();
    }
}
