package dev.quantlab.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/** {@code gui --snapshot DIR}: renders the window once per tab into {@code DIR/<tab>.png}, then exits. */
public final class SnapshotMode {
    public static final String PARAM = "snapshot";
    private final Path dir;

    private SnapshotMode(Path dir) {
        this.dir = dir;
    }

    public static Optional<SnapshotMode> fromParameters(Map<String, String> named) {
        String d = named.get(PARAM);
        return d == null ? Optional.empty() : Optional.of(new SnapshotMode(Path.of(d)));
    }

    /** Captures each tab after a short settle delay, then runs {@code done}. */
    public void capture(Stage stage, Runnable done) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TabPane tabs = (TabPane) stage.getScene().lookup("#lessonTabs");
        captureFrom(stage, tabs, 0, done);
    }

    private void captureFrom(Stage stage, TabPane tabs, int i, Runnable done) {
        int count = tabs == null ? 0 : tabs.getTabs().size();
        if (i > count || (i == count && count > 0)) {
            done.run();
            return;
        }
        String name = count == 0 ? "main" : fileName(tabs.getTabs().get(i));
        if (count > 0) {
            tabs.getSelectionModel().select(i);
        }
        PauseTransition settle = new PauseTransition(Duration.millis(1500));
        settle.setOnFinished(e -> {
            write(stage, dir.resolve(name + ".png"));
            if (count == 0) {
                done.run();
            } else {
                captureFrom(stage, tabs, i + 1, done);
            }
        });
        settle.play();
    }

    private static String fileName(Tab tab) {
        String id = tab.getId() != null ? tab.getId() : tab.getText();
        return id.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static void write(Stage stage, Path file) {
        WritableImage img = stage.getScene().snapshot(null);
        BufferedImage bi = SwingFXUtils.fromFXImage(img, null);
        try {
            ImageIO.write(bi, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write snapshot " + file, e);
        }
    }
}
