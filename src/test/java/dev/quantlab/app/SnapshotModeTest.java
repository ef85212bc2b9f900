package dev.quantlab.app;

import dev.quantlab.app.export.ExportFilesTest;
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
            new SnapshotMode(new SnapshotOptions(dir, 300, 200, java.util.Locale.ENGLISH, false)).capture(stage, List.of(
                    new SnapshotMode.Target("one", () -> { }, new SimpleBooleanProperty(true)),
                    new SnapshotMode.Target("two", later::play, secondReady)), done::countDown);
        });
        assertTrue(done.await(20, TimeUnit.SECONDS));
        ExportFilesTest.assertPng(dir.resolve("one-300x200-en.png"));
        ExportFilesTest.assertPng(dir.resolve("two-300x200-en.png"));
        // the label reads "first" until the second target is ready: a capture before that would equal one.png
        assertFalse(samePixels(dir.resolve("one-300x200-en.png"), dir.resolve("two-300x200-en.png")),
                "the second target was captured after it became ready");
        assertEquals(true, SnapshotMode.failure().isEmpty());
    }

    @Test
    void withRunJobsATabIsCapturedOnceItsJobHasEnded(FxRobot robot) throws Exception {
        Label label = new Label("before the job");
        SimpleBooleanProperty jobEnded = new SimpleBooleanProperty(false);
        int[] started = {0};
        CountDownLatch done = new CountDownLatch(2);
        robot.interact(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(label, 300, 200));
            stage.show();
            java.util.function.Supplier<java.util.Optional<javafx.beans.value.ObservableBooleanValue>> job = () -> {
                started[0]++;
                PauseTransition work = new PauseTransition(Duration.millis(800));
                work.setOnFinished(e -> {
                    label.setText("after the job");
                    jobEnded.set(true);
                });
                work.play();
                return java.util.Optional.of(jobEnded);
            };
            SnapshotMode.Target target = new SnapshotMode.Target("tab", () -> { }, new SimpleBooleanProperty(true), job);
            new SnapshotMode(new SnapshotOptions(dir.resolve("plain"), 300, 200, java.util.Locale.ENGLISH, false))
                    .capture(stage, List.of(target), () -> {
                        done.countDown();
                        new SnapshotMode(new SnapshotOptions(dir.resolve("jobs"), 300, 200,
                                java.util.Locale.TRADITIONAL_CHINESE, true)).capture(stage, List.of(target),
                                done::countDown);
                    });
        });
        assertTrue(done.await(20, TimeUnit.SECONDS));
        assertEquals(1, started[0], "the job runs only with --run-jobs");
        Path plain = dir.resolve("plain/tab-300x200-en.png");
        Path withJob = dir.resolve("jobs/tab-300x200-zh-TW.png");
        ExportFilesTest.assertPng(plain);
        ExportFilesTest.assertPng(withJob);
        assertFalse(samePixels(plain, withJob), "captured after the job changed the tab");
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
