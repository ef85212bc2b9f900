package dev.quantlab.app;

import dev.quantlab.app.common.Prompts;
import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.Theme;
import dev.quantlab.app.export.ExportActions;
import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.jobs.ErrorReporter;
import dev.quantlab.app.lesson.LessonLibrary;
import dev.quantlab.app.services.AppConfig;
import dev.quantlab.app.services.AppServices;
import dev.quantlab.app.services.DatasetDownloader;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * The app's wiring, in one place: the services, the export commands, the prompts and the main window with its
 * tabs, and the window's {@link Language} (from {@link AppConfig#language()}). {@link QuantLabApp} builds it with
 * dialogs; tests build it with recording doubles. Build it on the FX thread.
 */
public final class AppWiring implements AutoCloseable {
    private final Language language;
    private final AppServices services;
    private final ExportActions export;
    private final MainWindow window;

    /**
     * @param owner   the window dialogs belong to
     * @param errors  where errors go (the error dialog), given the window's language
     * @param prompts what to do when the model or the data is missing, given the services
     * @param quit    what File &gt; Quit does
     */
    @SuppressWarnings("removal")
    public AppWiring(AppConfig config, Supplier<Window> owner, Function<Language, ErrorReporter> errors,
                     DatasetDownloader downloader, Function<AppServices, Prompts> prompts, Runnable quit) {
        language = new Language(config.language());
        ErrorReporter reporter = errors.apply(language);
        services = new AppServices(config, language, reporter, downloader);
        export = new ExportActions(owner, services.jobs(), reporter, services.notice()::set, language);
        window = new MainWindow(new TabContext(services, export, prompts.apply(services)),
                LessonLibrary.load(language.locale()), quit);
    }

    /** A themed scene showing the main window. */
    public Scene scene(double width, double height) {
        Scene scene = new Scene(window.root(), width, height);
        Theme.apply(scene, language.locale());
        return scene;
    }

    public AppServices services() {
        return services;
    }

    public ExportActions export() {
        return export;
    }

    public MainWindow window() {
        return window;
    }

    /** Cancels running jobs and stops the worker threads. */
    @Override
    public void close() {
        services.close();
    }
}
