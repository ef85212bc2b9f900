package dev.quantlab.core.pickle;

/** Checks shared by the fuzz targets of the loaders: a rejection is one short, printable line. */
public final class FuzzInvariants {
    private FuzzInvariants() { }

    /** Fails (a fuzzing finding) unless {@code message} is one non-empty line of reasonable length. */
    public static void oneLine(String message) {
        if (message == null || message.isBlank() || message.contains("\n") || message.length() > 2000) {
            throw new AssertionError("a rejection must be one short line, got: " + message);
        }
        if (message.contains("java.lang.") || message.contains("java.io.") || message.contains("\tat ")) {
            throw new AssertionError("a rejection must not show Java exception text: " + message);
        }
    }
}
