package dev.quantlab.cli;

import dev.quantlab.core.CancelledException;
import dev.quantlab.core.UserFacingException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code quantlab} command and its subcommands. */
@Command(name = "quantlab", mixinStandardHelpOptions = true, version = "QuantLab 0.1.0",
        description = {"Learn neural-network quantization on a real VGG trained on CIFAR-10.",
            "Without a command, opens the desktop app (same as 'gui')."},
        subcommands = {GuiCommand.class, InfoCommand.class, EvalCommand.class, TrainCommand.class, ImportCommand.class, DownloadCommand.class,
            KMeansCommand.class, LinearCommand.class, BenchCommand.class, CheckpointCommand.class,
            PlotTrainingCommand.class,
            CommandLine.HelpCommand.class})
public final class QuantLabCommand implements Runnable {

    @Override
    public void run() {
        new GuiCommand().run();
    }

    /** Runs the CLI and returns the exit code (1 for user errors, with the message and no stack trace). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new QuantLabCommand());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof UserFacingException || ex instanceof CancelledException
                    || ex instanceof IllegalArgumentException) {
                cmd.getErr().println("error: " + ex.getMessage());
                return 1;
            }
            throw ex;
        });
        return cl.execute(args);
    }
}
