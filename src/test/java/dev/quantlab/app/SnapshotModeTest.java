package dev.quantlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javafx.animation.PauseTransition;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** Snapshot mode waits for each tab's "content ready" signal, then writes one PNG per tab. */
@ExtendWith(ApplicationExtension.class)
class SnapshotModeTest {
    @TempDir
    Path dir;

    @Test
    void writesOnePngPerTargetOnceItIsReady(FxRobot robot) throws Exception {
        SimpleBooleanProperty secondReady = new SimpleBooleanProperty(false);
        Label label = new Label("first");
        CountDownLatch done = new CountDownLatch(1);
        robot.interact(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(label, 300, 200));
            stage.show();
            PauseTransition later = new PauseTransition(Duration.millis(800));
            later.setOnFinished(e -> {
                label.setText("second");
                secondReady.set(true);
            });
            new SnapshotMode(dir).capture(stage, List.of(
                    new SnapshotMode.Target("one", () -> { }, new SimpleBooleanProperty(true)),
                    new SnapshotMode.Target("two", later::play, secondReady)), done::countDown);
        });
        assertTrue(done.await(20, TimeUnit.SECONDS));
        ExportFilesTest.assertPng(dir.resolve("one.png"));
        ExportFilesTest.assertPng(dir.resolve("two.png"));
        // the label reads "first" until the second target is ready: a capture before that would equal one.png
        assertFalse(samePixels(dir.resolve("one.png"), dir.resolve("two.png")),
                "the second target was captured after it became ready");
        assertEquals(true, SnapshotMode.failure().isEmpty());
    }

    private static boolean samePixels(Path a, Path b) throws IOException {
        BufferedImage x = ImageIO.read(a.toFile());
        BufferedImage y = ImageIO.read(b.toFile());
        if (x.getWidth() != y.getWidth() || x.getHeight() != y.getHeight()) {
            return false;
        }
        for (int r = 0; r < x.getHeight(); r++) {
            for (int c = 0; c < x.getWidth(); c++) {
                if (x.getRGB(c, r) != y.getRGB(c, r)) {
                    return false;
                }
            }
        }
        return true;
    }
}
