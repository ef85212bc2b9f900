package dev.quantlab.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
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
 * timeout passes), with {@code --run-jobs} starts the tab's snapshot job and waits for its end, lets the scene
 * render, and writes {@code DIR/<tab>-<width>x<height>-<language>.png} ({@link SnapshotOptions#fileName}); then
 * runs {@code done}.
 */
public final class SnapshotMode {
    static final Duration READY_TIMEOUT = Duration.seconds(60);
    static final Duration JOB_TIMEOUT = Duration.minutes(10);
    static final Duration SETTLE = Duration.millis(600);
    private static final AtomicReference<String> FAILURE = new AtomicReference<>();

    /**
     * A tab to capture: select it, then wait for {@code ready}; with {@code --run-jobs}, then start {@code job}
     * (empty: nothing to run) and wait until the value it gives becomes true.
     */
    public record Target(String name, Runnable select, ObservableBooleanValue ready,
                         Supplier<Optional<ObservableBooleanValue>> job) {
        /** A target without a job. */
        public Target(String name, Runnable select, ObservableBooleanValue ready) {
            this(name, select, ready, Optional::empty);
        }
    }

    private final SnapshotOptions options;
    private final Path dir;

    public SnapshotMode(SnapshotOptions options) {
        this.options = options;
        this.dir = options.dir();
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
        Runnable capture = () -> {
            PauseTransition settle = new PauseTransition(SETTLE);
            settle.setOnFinished(e -> {
                write(stage, dir.resolve(options.fileName(t.name())));
                next(stage, targets, i + 1, done);
            });
            settle.play();
        };
        whenTrue(t.name(), "ready", t.ready(), READY_TIMEOUT, () -> {
            Optional<ObservableBooleanValue> job = options.runJobs() ? t.job().get() : Optional.empty();
            if (job.isPresent()) {
                whenTrue(t.name(), "done with its job", job.get(), JOB_TIMEOUT, capture);
            } else {
                capture.run();
            }
        });
    }

    private static void whenTrue(String name, String what, ObservableBooleanValue value, Duration limit,
                                 Runnable then) {
        if (value.get()) {
            then.run();
            return;
        }
        boolean[] fired = {false};
        PauseTransition timeout = new PauseTransition(limit);
        ChangeListener<Boolean> onReady = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean is) {
                if (is && !fired[0]) {
                    fired[0] = true;
                    value.removeListener(this);
                    timeout.stop();
                    then.run();
                }
            }
        };
        timeout.setOnFinished(e -> {
            if (!fired[0]) {
                fired[0] = true;
                value.removeListener(onReady);
                System.err.println("snapshot: tab " + name + " not " + what + " after " + limit.toSeconds()
                        + " s; capturing it as it is");
                then.run();
            }
        });
        value.addListener(onReady);
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
