package dev.quantlab.core.pickle;

/** Checks shared by the fuzz targets of the loaders: a rejection is one short, printable line. */
public final class FuzzInvariants {
    private FuzzInvariants() { }

    /** Fails (a fuzzing finding) unless {@code message} is one non-empty line of reasonable length. */
    public static void oneLine(String message) {
        if (message == null || message.isBlank() || message.contains("\n") || message.length() > 2000) {
            throw new AssertionError("a rejection must be one short line, got: " + message);
        }
        // (no check for words such as "Exception": names echoed from the file may contain them; the fuzzer
        // found that twice, crash-f5e2... and crash-4a83..., kept as regression inputs)
        if (message.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new AssertionError("a rejection must not hold control characters: " + message);
        }
    }
}
