package dev.quantlab.app;

import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.Theme;
import dev.quantlab.app.export.ExportActions;
import dev.quantlab.app.export.OverwritePolicy;
import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.services.AppConfig;
import dev.quantlab.app.services.AppServices;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import javafx.stage.Stage;

/**
 * One tab shown alone on the app's real services (settings and results in {@code home}, the given model and data),
 * in a stage of the size the tab gets in a window, with errors recorded, prompts counted and no overwrite dialogs.
 * Public for the harnesses of the tab packages: build the tab with {@link #context()}, then {@link #show}.
 */
public final class TabAlone implements AutoCloseable {
    public final AppServices services;
    public final ExportActions export;
    public final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final Stage stage;
    private final Locale language;

    public TabAlone(Stage stage, Path model, Path data, Path home, Locale language) {
        this.stage = stage;
        this.language = language;
        services = new AppServices(new AppConfig(model, data, home.resolve("gui-settings.json"), language),
                new Language(language), (what, error) -> errors.add(error), TestWindow.noDownloads());
        export = new ExportActions(() -> stage, services.jobs(), (what, error) -> errors.add(error),
                services.notice()::set, services.language());
        export.setOverwritePolicy(OverwritePolicy.NEVER);
    }

    public TabContext context() {
        return new TabContext(services, export, new RecordingPrompts());
    }

    /** Shows {@code content} (in Chinese with an installed CJK font) in a {@code width} x {@code height} scene. */
    public void show(Node content, double width, double height) {
        StackPane root = new StackPane(content);
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

    @Override
    public void close() {
        services.results().clear();
        services.close();
    }
}
