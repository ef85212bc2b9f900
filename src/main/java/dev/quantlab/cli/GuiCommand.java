package dev.quantlab.cli;

import dev.quantlab.app.QuantLabApp;
import dev.quantlab.app.SnapshotMode;
import dev.quantlab.app.SnapshotOptions;
import dev.quantlab.core.UserFacingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Opens the desktop app (the default command). */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the QuantLab desktop app.")
public final class GuiCommand implements Runnable {
    @Option(names = "--snapshot", paramLabel = "DIR",
            description = "Render every tab to DIR/<tab>-<size>-<lang>.png once its content is loaded, then exit. "
                    + "Starts from a fresh, empty state: no saved settings or runs are read or written.")
    Path snapshot;

    @Option(names = "--size", paramLabel = "WIDTHxHEIGHT",
            description = "With --snapshot: the window content's size in pixels (default: 1280x720).")
    String size;

    @Option(names = "--lang", paramLabel = "en|zh-TW",
            description = "With --snapshot: the language of the texts (default: en).")
    String lang;

    @Option(names = "--run-jobs",
            description = "With --snapshot: run a short real job in each tab first (small test subsets, a few QAT "
                    + "steps), so that its charts are filled. Needs CIFAR-10; takes a few minutes.")
    boolean runJobs;

    @Override
    public void run() {
        List<String> args = new ArrayList<>(snapshotParameters());
        if (!DisplayCheck.hasDisplay(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("glass.platform"))) {
            throw new UserFacingException(DisplayCheck.NO_DISPLAY);
        }
        try {
            Application.launch(QuantLabApp.class, args.toArray(String[]::new));
        } catch (UnsupportedOperationException | IllegalStateException e) {
            // JavaFX could not open its toolkit (e.g. a DISPLAY that names no reachable X server)
            throw new UserFacingException(DisplayCheck.NO_DISPLAY);
        }
        SnapshotMode.failure().ifPresent(f -> {
            throw new UserFacingException("snapshot failed: " + f);
        });
    }

    /** The snapshot options as application parameters (checked here, so that a bad value stops before the window). */
    List<String> snapshotParameters() {
        if (snapshot == null) {
            if (size != null || lang != null || runJobs) {
                throw new UserFacingException("--size, --lang and --run-jobs need --snapshot DIR");
            }
            return List.of();
        }
        int[] wh = SnapshotOptions.parseSize(size == null
                ? SnapshotOptions.DEFAULT_WIDTH + "x" + SnapshotOptions.DEFAULT_HEIGHT : size);
        Locale locale = SnapshotOptions.parseLanguage(lang == null ? "en" : lang);
        return new SnapshotOptions(snapshot, wh[0], wh[1], locale, runJobs).toParameters();
    }
}
