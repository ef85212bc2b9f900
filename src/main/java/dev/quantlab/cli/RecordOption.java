package dev.quantlab.cli;

import dev.quantlab.results.ResultsStore;
import dev.quantlab.results.RunRecord;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --record FILE}: also keeps each measured run in a results file, the format in which the app keeps the
 * learner's runs for its Compare tab. Each run is added as soon as it is measured; one already in the file (equal
 * in everything but the time) is not added twice. A file that cannot be read or written is reported and never
 * stops the measurement.
 */
public final class RecordOption {
    @Option(names = "--record", paramLabel = "FILE",
            description = "Also add each measured run to this results file (JSON); the app's Compare tab can load it "
                    + "with 'Add results from a file...'.")
    Path file;

    void add(RunRecord run) {
        if (file == null) {
            return;
        }
        try (ResultsStore store = ResultsStore.open(file)) {
            store.loadProblem().ifPresent(p -> System.err.println("warning: " + p.file() + " could not be read ("
                    + p.detail() + ")" + (p.keptAs() == null ? "" : "; the old file is kept as " + p.keptAs())));
            boolean added = store.addUnlessPresent(run);
            store.flush();
            store.saveProblem().ifPresentOrElse(problem -> System.err.println("error: " + problem),
                    () -> System.err.println(added ? "(recorded in " + file + ")" : "(already in " + file + ")"));
        }
    }
}
