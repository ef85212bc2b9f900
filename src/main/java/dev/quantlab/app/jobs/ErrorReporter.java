package dev.quantlab.app.jobs;

/** Shows a failure to the user: production shows one error dialog, tests record it. Called on the FX thread. */
@FunctionalInterface
public interface ErrorReporter {
    void report(String what, Throwable error);
}
