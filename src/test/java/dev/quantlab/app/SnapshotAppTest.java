package dev.quantlab.app;

import dev.quantlab.app.export.ExportFilesTest;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.services.AppConfig;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * {@code gui --snapshot DIR --size 1024x640 --lang zh-TW}: every tab is written at that size in that language, from a
 * fresh state, and the user's saved settings (here: another size, English, the QAT tab) are neither used nor changed.
 */
@ExtendWith(ApplicationExtension.class)
class SnapshotAppTest {
    private static final String SAVED = "{\n  \"width\": 900.0,\n  \"height\": 600.0,\n  \"maximized\": false,\n"
            + "  \"lastTab\": \"qat\",\n  \"language\": \"en\"\n}";
    @TempDir
    Path home;
    private Stage stage;
    private QuantLabApp app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            stage.hide();
            if (app != null) {
                app.stop();
            }
        });
    }

    @Test
    void everyTabAtTheGivenSizeAndLanguageAndTheSettingsUntouched(FxRobot robot) throws Exception {
        Path settings = home.resolve("gui-settings.json");
        Files.writeString(settings, SAVED, StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(settings);
        Path out = home.resolve("shots");
        app = new QuantLabApp(new AppConfig(TestWeights.file(), home.resolve("no-data"), settings, Locale.ENGLISH));
        SnapshotOptions options = new SnapshotOptions(out, 1024, 640, Locale.TRADITIONAL_CHINESE, false);
        CountDownLatch done = new CountDownLatch(1);
        robot.interact(() -> app.start(stage, Optional.of(options), done::countDown));
        assertTrue(done.await(120, TimeUnit.SECONDS), "all tabs captured");

        assertEquals("zh-TW", app.window().library().language(), "the asked language, not the saved one");
        assertEquals("基準模型", app.window().tabPane().getTabs().get(0).getText());
        for (String tab : List.of("baseline", "kmeans", "qat", "linear", "integer", "compare")) {
            Path png = out.resolve(tab + "-1024x640-zh-TW.png");
            ExportFilesTest.assertPng(png);
            BufferedImage img = ImageIO.read(png.toFile());
            assertEquals(1024, img.getWidth(), tab);
            assertEquals(640, img.getHeight(), tab);
        }
        robot.interact(() -> {
            stage.hide(); // saves the window's settings: into the snapshot's own temporary folder
            app.stop();
            app = null;
        });
        assertArrayEquals(before, Files.readAllBytes(settings), "the user's settings file is unchanged");
        assertTrue(Files.notExists(home.resolve("results.json")), "no runs file written beside the settings");
    }
}
