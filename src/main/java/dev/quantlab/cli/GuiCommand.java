package dev.quantlab.cli;

import dev.quantlab.app.QuantLabApp;
import dev.quantlab.app.SnapshotMode;
import dev.quantlab.core.UserFacingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Opens the desktop app (the default command). */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the QuantLab desktop app.")
public final class GuiCommand implements Runnable {
    @Option(names = "--snapshot", paramLabel = "DIR",
            description = "Render every tab to DIR/<tab>.png once its content is loaded, then exit.")
    Path snapshot;

    @Override
    public void run() {
        List<String> args = new ArrayList<>();
        if (snapshot != null) {
            args.add("--" + SnapshotMode.PARAM + "=" + snapshot.toAbsolutePath());
        }
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
}
