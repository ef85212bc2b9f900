package dev.quantlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.quantlab.app.services.AppConfig;
import dev.quantlab.app.settings.SettingsStore;
import dev.quantlab.app.settings.WindowSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The window's size and last tab are saved on exit and restored on the next start. */
@ExtendWith(ApplicationExtension.class)
class WindowMemoryTest {
    @TempDir
    Path home;

    @Test
    void sizeAndLastTabSurviveARestart(FxRobot robot) throws Exception {
        AppConfig config = new AppConfig(home.resolve("none.safetensors"), home.resolve("no-data"),
                home.resolve("gui-settings.json"), Locale.ENGLISH);
        QuantLabApp first = new QuantLabApp(config);
        Stage[] stage = new Stage[1];
        robot.interact(() -> {
            stage[0] = new Stage();
            first.start(stage[0]);
            stage[0].setWidth(1111);
            stage[0].setHeight(777);
            first.window().select("kmeans");
            first.stop();
            stage[0].close();
        });
        assertTrue(Files.isRegularFile(config.settingsFile()));
        WindowSettings saved = new SettingsStore(config.settingsFile()).load();
        assertEquals("kmeans", saved.lastTab());
        assertEquals(1111, saved.width(), 0.5);

        QuantLabApp second = new QuantLabApp(config);
        robot.interact(() -> {
            stage[0] = new Stage();
            second.start(stage[0]);
        });
        assertEquals("kmeans", second.window().selectedTabId());
        assertEquals(1111, stage[0].getWidth(), 0.5);
        assertEquals(777, stage[0].getHeight(), 0.5);
        robot.interact(() -> {
            second.stop();
            stage[0].close();
        });
    }
}
