package dev.quantlab.app.qat;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads numbers from the pipeline's log lines. The accuracy right after k-means quantization reaches the
 * listener only as the lesson's line "... has accuracy=83.03% before quantization-aware training", so the live
 * chart takes it from there (the final result carries it too).
 */
final class LogLines {
    private static final Pattern BEFORE = Pattern.compile("accuracy=([0-9.]+)% before quantization-aware training");

    private LogLines() { }

    static OptionalDouble accuracyBefore(String line) {
        Matcher m = BEFORE.matcher(line);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }
}
