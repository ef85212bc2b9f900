package dev.quantlab.cli;

import dev.quantlab.core.CancelledException;
import dev.quantlab.core.UserFacingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code quantlab} command and its subcommands. */
@Command(name = "quantlab", mixinStandardHelpOptions = true, version = "QuantLab 0.1.0",
        description = {"Learn neural-network quantization on a real VGG trained on CIFAR-10.",
            "Without a command, opens the desktop app (same as 'gui')."},
        subcommands = {GuiCommand.class, InfoCommand.class, EvalCommand.class, TrainCommand.class, ImportCommand.class, DownloadCommand.class,
            KMeansCommand.class, LinearCommand.class, SensitivityCommand.class, BenchCommand.class, ExportOnnxCommand.class, CheckpointCommand.class,
            PlotTrainingCommand.class,
            CommandLine.HelpCommand.class})
public final class QuantLabCommand implements Runnable {
    /** What a run stopped by Ctrl-C or a kill says (the JVM cannot tell the two signals apart in a shutdown hook). */
    static final String STOPPED_BY_SIGNAL = "stopped by an interrupt or termination signal (Ctrl-C or kill)";

    @Override
    public void run() {
        new GuiCommand().run();
    }

    /**
     * Runs the CLI and returns the exit code: 1 for errors, with a one-line message and no stack trace (a file
     * that cannot be read or written, a bad value, a cancelled run); 2 for an unexpected failure, whose stack
     * trace is printed only when the environment variable {@code QUANTLAB_DEBUG} is set.
     */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new QuantLabCommand());
        HelpWrapping.install(cl);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof ReportedStop) {
                return 1;
            }
            if (ex instanceof CancelledException c) {
                // in the CLI nothing but a signal cancels: Ctrl-C (SIGINT) or a kill (SIGTERM), never a Cancel button
                cmd.getErr().println("error: " + (c.saysWhy() ? c.getMessage() : STOPPED_BY_SIGNAL));
                return 1;
            }
            if (ex instanceof UserFacingException || ex instanceof IllegalArgumentException) {
                cmd.getErr().println("error: " + ex.getMessage());
                return 1;
            }
            if (ex instanceof UncheckedIOException io) {
                cmd.getErr().println("error: " + describe(io));
                return 1;
            }
            cmd.getErr().println("error: unexpected " + ex.getClass().getSimpleName() + ": " + ex.getMessage()
                    + (System.getenv("QUANTLAB_DEBUG") == null ? " (set QUANTLAB_DEBUG=1 to see where)" : ""));
            if (System.getenv("QUANTLAB_DEBUG") != null) {
                ex.printStackTrace(cmd.getErr());
            }
            return 2;
        });
        return cl.execute(args);
    }

    /** The wrapper's message, plus the cause's when the wrapper's does not already say it. */
    static String describe(UncheckedIOException e) {
        IOException cause = e.getCause();
        String why = cause instanceof NoSuchFileException ? "no such file or folder: " + cause.getMessage()
                : cause instanceof AccessDeniedException ? "permission denied: " + cause.getMessage()
                : cause instanceof FileAlreadyExistsException ? "already exists: " + cause.getMessage()
                : cause.getMessage();
        String msg = e.getMessage();
        return msg == null || msg.equals(cause.toString()) ? why : msg.contains(String.valueOf(cause.getMessage())) ? msg
                : msg + " (" + why + ")";
    }
}
