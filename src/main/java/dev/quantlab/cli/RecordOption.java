package dev.quantlab.cli;

import dev.quantlab.core.UserFacingException;
import dev.quantlab.results.ResultsStore;
import dev.quantlab.results.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --record FILE}: also keeps each measured run in a results file, the format in which the app keeps the
 * learner's runs for its Compare tab. Each run is added as soon as it is measured; one already in the file (equal
 * in everything but the time) is not added twice. A folder, or a file that cannot be written, is refused before
 * any measurement ({@link #check()}); a save that fails later never stops the measurement, but the command then
 * ends with that one error and exit code 1 ({@link #finish()}).
 */
public final class RecordOption {
    @Option(names = "--record", paramLabel = "FILE",
            description = "Also add each measured run to this results file (JSON); the app's Compare tab can load it "
                    + "with 'Add results from a file...'.")
    Path file;

    private String failure;

    /** Refuses a --record path that can never be a results file, before anything is measured. */
    void check() {
        if (file == null) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new UserFacingException("--record " + file + " is a folder; give a results file, e.g. "
                    + file.resolve(ResultsStore.FILE_NAME));
        }
        Path parent = file.toAbsolutePath().getParent();
        if (Files.exists(file) && !Files.isReadable(file)) {
            throw new UserFacingException("cannot read the --record file " + file + ": permission denied");
        }
        if (parent != null && Files.isDirectory(parent) && !Files.isWritable(parent)) {
            throw new UserFacingException("cannot write the --record file " + file + ": its folder " + parent
                    + " is not writable (read-only file system or permission denied)");
        }
    }

    void add(RunRecord run) {
        if (file == null || failure != null) {
            return;
        }
        try (ResultsStore store = ResultsStore.open(file)) {
            store.loadProblem().filter(p -> p.keptAs() != null).ifPresent(p -> System.err.println("warning: "
                    + p.file() + " could not be read (" + p.detail() + "); the old file is kept as " + p.keptAs()));
            boolean added = store.addUnlessPresent(run);
            store.flush();
            store.saveProblem().ifPresentOrElse(problem -> failure = problem,
                    () -> System.err.println(added ? "(recorded in " + file + ")" : "(already in " + file + ")"));
        }
    }

    /** Ends the command with the recording error, if saving failed (after the results were printed). */
    void finish() {
        if (failure != null) {
            throw new UserFacingException(failure + " (the measured results are printed above)");
        }
    }
}
