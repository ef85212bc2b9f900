package dev.quantlab;

import dev.quantlab.cli.QuantLabCommand;

/** Entry point of {@code quantlab.jar}: the CLI, whose {@code gui} command (the default) opens the app. */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        EngineSettings.applyDefaults();
        System.exit(QuantLabCommand.execute(args));
    }
}
