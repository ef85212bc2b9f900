package dev.quantlab.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * {@code gui --snapshot DIR}: selects each tab, waits until it signals that its first content is shown (or a
 * timeout passes), lets the scene render, and writes {@code DIR/<tab id>.png}; then runs {@code done}.
 */
public final class SnapshotMode {
    public static final String PARAM = "snapshot";
    static final Duration READY_TIMEOUT = Duration.seconds(60);
    static final Duration SETTLE = Duration.millis(600);
    private static final AtomicReference<String> FAILURE = new AtomicReference<>();

    /** A tab to capture: select it, then wait for {@code ready}. */
    public record Target(String name, Runnable select, ObservableBooleanValue ready) { }

    private final Path dir;

    public SnapshotMode(Path dir) {
        this.dir = dir;
    }

    public static Optional<SnapshotMode> fromParameters(Map<String, String> named) {
        String d = named.get(PARAM);
        return d == null ? Optional.empty() : Optional.of(new SnapshotMode(Path.of(d)));
    }

    /** Why the last snapshot run failed, if it did (read by the CLI after the app exits). */
    public static Optional<String> failure() {
        return Optional.ofNullable(FAILURE.get());
    }

    public Path dir() {
        return dir;
    }

    /** Captures every target in order, then runs {@code done}; call on the FX thread. */
    public void capture(Stage stage, List<Target> targets, Runnable done) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            fail("cannot create " + dir + ": " + e.getMessage());
            done.run();
            return;
        }
        next(stage, targets, 0, done);
    }

    private void next(Stage stage, List<Target> targets, int i, Runnable done) {
        if (i >= targets.size()) {
            done.run();
            return;
        }
        Target t = targets.get(i);
        t.select().run();
        whenReady(t, () -> {
            PauseTransition settle = new PauseTransition(SETTLE);
            settle.setOnFinished(e -> {
                write(stage, dir.resolve(t.name() + ".png"));
                next(stage, targets, i + 1, done);
            });
            settle.play();
        });
    }

    private static void whenReady(Target t, Runnable then) {
        if (t.ready().get()) {
            then.run();
            return;
        }
        boolean[] fired = {false};
        PauseTransition timeout = new PauseTransition(READY_TIMEOUT);
        ChangeListener<Boolean> onReady = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean is) {
                if (is && !fired[0]) {
                    fired[0] = true;
                    t.ready().removeListener(this);
                    timeout.stop();
                    then.run();
                }
            }
        };
        timeout.setOnFinished(e -> {
            if (!fired[0]) {
                fired[0] = true;
                t.ready().removeListener(onReady);
                System.err.println("snapshot: tab " + t.name() + " not ready after " + READY_TIMEOUT.toSeconds()
                        + " s; capturing it as it is");
                then.run();
            }
        });
        t.ready().addListener(onReady);
        timeout.play();
    }

    private static void write(Stage stage, Path file) {
        WritableImage img = stage.getScene().snapshot(null);
        BufferedImage bi = SwingFXUtils.fromFXImage(img, null);
        try {
            ImageIO.write(bi, "png", file.toFile());
            System.out.println("snapshot: wrote " + file);
        } catch (IOException e) {
            fail("cannot write snapshot " + file + ": " + e.getMessage());
        }
    }

    private static void fail(String message) {
        System.err.println("snapshot: " + message);
        FAILURE.compareAndSet(null, message);
    }
}
