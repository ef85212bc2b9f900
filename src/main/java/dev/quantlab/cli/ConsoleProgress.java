package dev.quantlab.cli;

import dev.quantlab.core.ProgressListener;

/** Progress on standard error as a single updating line, only when a terminal is attached. */
final class ConsoleProgress implements ProgressListener {
    private final String label;
    private final boolean tty = System.console() != null;

    ConsoleProgress(String label) {
        this.label = label;
    }

    @Override
    public void onProgress(long done, long total, String message) {
        if (!tty) {
            return;
        }
        System.err.print("\r" + label + ": " + message + (done >= total ? "\n" : ""));
        System.err.flush();
    }
}
