package dev.quantlab.results;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A QAT run that was stopped before its planned epochs ended: {@link RunRecords#qat} then records its best
 * accuracy so far with "stopped after N of M epochs" in the note. This reads that mark back, so that views show a
 * stopped run as such without looking into note strings themselves.
 *
 * @param epochs  epochs finished (or started) when it stopped
 * @param planned epochs it was to run
 */
public record StoppedRun(int epochs, int planned) {
    private static final Pattern MARK = Pattern.compile("stopped after (\\d{1,6}) of (\\d{1,6}) epochs");

    /** The mark {@link RunRecords#qat} writes into the note: "stopped after 3 of 5 epochs". */
    public String mark() {
        return "stopped after " + epochs + " of " + planned + " epochs";
    }

    /** The stop mark of {@code record}, or empty when it ran to its end (or is not a QAT run). */
    public static Optional<StoppedRun> of(RunRecord record) {
        if (record.method() != Method.KMEANS_QAT && record.method() != Method.KMEANS) {
            return Optional.empty();
        }
        Matcher m = MARK.matcher(record.note());
        return m.find() ? Optional.of(new StoppedRun(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }
}
