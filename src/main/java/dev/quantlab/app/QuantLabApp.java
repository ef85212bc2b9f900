package dev.quantlab.app;

import dev.quantlab.app.common.DialogPrompts;
import dev.quantlab.app.common.ErrorDialog;
import dev.quantlab.app.export.ExportActions;
import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.services.AppConfig;
import dev.quantlab.app.services.AppServices;
import dev.quantlab.app.services.DatasetDownloader;
import dev.quantlab.app.settings.SettingsStore;
import dev.quantlab.app.settings.WindowSettings;
import dev.quantlab.app.settings.WindowStateKeeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The JavaFX application: builds the services and the main window, restores the window's size, last tab and
 * language, saves them on exit (and the language when the user picks one), and in snapshot mode renders every tab
 * to a PNG and quits. The language is the one chosen in the View menu, else the configured one (the system locale
 * by default), narrowed to a supported one by {@link Texts#supported}. JavaFX's own few texts (the text fields'
 * context menu, a dialog's "Show Details") follow the system locale: the app no longer changes the JVM's default
 * locale; every table, dialog button and placeholder the app shows has a text of its own.
 */
public class QuantLabApp extends Application {
    public static final String TITLE = "QuantLab";

    private final AppConfig config;
    private AppServices services;
    private MainWindow window;
    private ExportActions export;
    private Stage stage;
    /** The language tag the user chose in the menu, or empty to follow the system (as saved). */
    private String chosenLanguage = "";

    /** Used by {@link Application#launch}: default locations ({@link AppConfig#defaults()}). */
    public QuantLabApp() {
        this(null);
    }

    /** With explicit locations (tests). */
    public QuantLabApp(AppConfig config) {
        this.config = config;
    }

    @Override
    public void start(Stage primary) {
        Map<String, String> named = getParameters() == null ? Map.of() : getParameters().getNamed();
        start(primary, SnapshotOptions.fromParameters(named), Platform::exit);
    }

    /**
     * Builds and shows the window; with {@code snapshot}, from a fresh state (settings and runs in a temporary
     * folder, deleted at exit; nothing of the user's read or written) at the asked size and language, then
     * renders every tab and runs {@code afterSnapshot} (the app exits). Package-private for tests.
     */
    void start(Stage primary, Optional<SnapshotOptions> snapshot, Runnable afterSnapshot) {
        this.stage = primary;
        AppConfig c = config != null ? config : AppConfig.defaults();
        if (snapshot.isPresent()) {
            c = new AppConfig(c.modelPath(), c.dataRoot(), freshFolder().resolve(SettingsStore.FILE_NAME),
                    snapshot.get().locale());
        }
        WindowSettings saved = new SettingsStore(c.settingsFile()).load();
        chosenLanguage = saved.language();
        c = c.withLanguage(startLanguage(saved, c));
        Supplier<Window> owner = () -> stage;
        AppWiring wiring = new AppWiring(c, owner, l -> new ErrorDialog(owner, l), DatasetDownloader.official(),
                s -> new DialogPrompts(owner, s.data(), s.model(), s.language()), this::quit);
        services = wiring.services();
        window = wiring.window();
        export = wiring.export();
        export.rememberFolder(saved.exportPath());
        window.setOnLanguageChanged(this::languageChosen);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = snapshot.isPresent() ? wiring.scene(snapshot.get().width(), snapshot.get().height())
                : wiring.scene(Math.min(saved.width(), screen.getWidth()), Math.min(saved.height(), screen.getHeight()));
        stage.setTitle(services.language().t("app.title"));
        stage.setScene(scene);
        stage.setMinWidth(WindowSettings.MIN_WIDTH);
        stage.setMinHeight(WindowSettings.MIN_HEIGHT);
        if (snapshot.isEmpty()) {
            WindowStateKeeper.apply(stage, saved);
        }
        if (!saved.lastTab().isEmpty()) {
            window.select(saved.lastTab());
        }
        stage.setOnHidden(e -> saveSettings());
        stage.show();
        services.start();
        snapshot.ifPresent(o -> new SnapshotMode(o).capture(stage, targets(), afterSnapshot));
    }

    /** A temporary folder for a snapshot's settings and runs, deleted when the JVM exits. */
    private static Path freshFolder() {
        try {
            Path dir = Files.createTempDirectory("quantlab-snapshot-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "quantlab-snapshot-cleanup"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the snapshot's settings", e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }

    /** The saved choice if there is one, else the configured language (the system locale by default). */
    public static Locale startLanguage(WindowSettings saved, AppConfig c) {
        Locale wanted = saved.locale().orElse(c.language() != null ? c.language() : Locale.getDefault());
        return Texts.supported(wanted);
    }

    private void languageChosen(Locale l) {
        chosenLanguage = l.toLanguageTag();
        stage.setTitle(services.language().t("app.title"));
        saveSettings();
    }

    private List<SnapshotMode.Target> targets() {
        return window.tabs().stream().map(t -> new SnapshotMode.Target(t.id(), () -> window.select(t.id()),
                t.contentReady(), t::startSnapshotJob)).toList();
    }

    private void quit() {
        stage.close();
        Platform.exit();
    }

    /** Writes the window's size, position and tab to the settings file. */
    void saveSettings() {
        if (services == null || window == null) {
            return;
        }
        String problem = services.settings().save(WindowStateKeeper.capture(stage, window.selectedTabId())
                .withLanguage(chosenLanguage).withExportFolder(export.lastFolder()));
        if (problem != null) {
            System.err.println(problem);
        }
    }

    @Override
    public void stop() {
        saveSettings();
        if (services != null) {
            services.close();
        }
    }

    /** The window (tests). */
    public MainWindow window() {
        return window;
    }

    /** The services (tests). */
    public AppServices services() {
        return services;
    }
}
