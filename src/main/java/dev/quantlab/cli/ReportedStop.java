package dev.quantlab.cli;

import dev.quantlab.core.CancelledException;

/**
 * A stop whose {@code error:} line was already printed, before {@link StopOnExit} let a signalled JVM exit (after
 * that a line may never appear); the CLI then only returns exit code 1.
 */
final class ReportedStop extends CancelledException {
    private static final long serialVersionUID = 1L;

    ReportedStop() {
        super("(already reported)");
    }

    /** Prints {@code error: message} now and returns the exception to throw. */
    static ReportedStop report(String message) {
        System.err.println("error: " + message);
        System.err.flush();
        return new ReportedStop();
    }
}
