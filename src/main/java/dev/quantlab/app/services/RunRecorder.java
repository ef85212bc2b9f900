package dev.quantlab.app.services;

import dev.quantlab.app.results.ObservableResults;
import dev.quantlab.results.Method;
import dev.quantlab.results.RunRecord;
import dev.quantlab.results.RunRecords;

/**
 * Hands finished linear / integer runs to the app's results store (persisted, shown in the Compare tab): the
 * one place where the Linear and Integer tabs record results.
 */
public final class RunRecorder {
    private final ObservableResults results;

    public RunRecorder(ObservableResults results) {
        this.results = results;
    }

    public void record(LinearRun run) {
        results.add(toRecord(run));
    }

    /** The stored form: method, bit widths, both sizes, accuracy, images, and the options and ranges as a note. */
    static RunRecord toRecord(LinearRun run) {
        Method method = "integer".equals(run.method()) ? Method.INTEGER : Method.LINEAR;
        return RunRecords.withActivationRanges(RunRecords.integer(method, run.config(), run.calibration(),
                run.lessonMib(), run.storedMib(), run.accuracy(), run.images(), run.imagesPerSecond()),
                run.ranges().recordName());
    }
}
