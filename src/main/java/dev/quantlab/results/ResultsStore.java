package dev.quantlab.results;

import com.google.gson.JsonParseException;
import dev.quantlab.core.AtomicFiles;
import dev.quantlab.core.IoReasons;
import dev.quantlab.core.QuantLabHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Every finished run the learner did (k-means, QAT, linear, integer-only...), kept across restarts in a JSON
 * file (the app keeps {@code results.json} in {@link QuantLabHome#dir()}; written atomically by one background
 * thread after each change). A damaged file never stops the app: it is moved aside, the store starts empty and
 * {@link #loadProblem()} says what happened. Thread-safe; listeners run on the thread that made the change.
 * No JavaFX here: the UI wraps the store in {@code ObservableResults}.
 */
public final class ResultsStore implements AutoCloseable {
    public static final String FILE_NAME = "results.json";
    private static final long FLUSH_SECONDS = 5;

    /** Gets the full list after every change. */
    @FunctionalInterface
    public interface Listener {
        void changed(List<RunRecord> runs);
    }

    /**
     * The results file could not be used as it was.
     *
     * @param file   the results file
     * @param keptAs where the unreadable original now is (null if it could not be kept)
     * @param detail what was wrong, for the curious
     */
    public record LoadProblem(Path file, Path keptAs, String detail) { }

    private final Path file;
    private final List<RunRecord> runs = new ArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService saver = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "quantlab-results");
        t.setDaemon(true);
        return t;
    });
    private final Object writing = new Object();
    private LoadProblem loadProblem;
    private volatile String saveProblem;
    private volatile Consumer<String> onSaveProblem = p -> { };
    private long version;
    private long savedVersion;

    private ResultsStore(Path file) {
        this.file = file;
    }

    /** Opens (or starts) the results kept in {@code file}. */
    public static ResultsStore open(Path file) {
        ResultsStore s = new ResultsStore(file);
        s.load();
        return s;
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            // never moved or replaced: a folder (or device) is not a results file, and nothing is saved over it
            loadProblem = new LoadProblem(file, null, "it is a folder, not a results file");
            saveProblem = "Could not save results to " + file + ": it is a folder, not a results file";
            return;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            // unreadable (e.g. no permission): left where it is; saving over it would lose it, so nothing is saved
            loadProblem = new LoadProblem(file, null, IoReasons.of(e));
            saveProblem = "Could not save results to " + file + ": it could not be read (" + IoReasons.of(e) + ")";
            return;
        }
        try {
            ResultsJson.Parsed p = ResultsJson.read(bytes);
            runs.addAll(p.runs());
            if (p.skipped() > 0) {
                loadProblem = new LoadProblem(file, keep(false), p.skipped() + " entries could not be read");
            }
        } catch (JsonParseException e) {
            loadProblem = new LoadProblem(file, keep(true), e.getMessage());
        }
    }

    /** Whether this store refuses to save (its file is a folder or could not be read). */
    private boolean readOnly() {
        return loadProblem != null && loadProblem.keptAs() == null && saveProblem != null;
    }

    /** Moves (or copies) the unreadable file aside so that the next save does not destroy it. */
    private Path keep(boolean move) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + stamp);
        try {
            return move ? Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING)
                    : Files.copy(file, aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            return null;
        }
    }

    /** Records a finished run and saves the file in the background. */
    public void add(RunRecord run) {
        List<RunRecord> now;
        synchronized (this) {
            runs.add(Objects.requireNonNull(run));
            version++;
            now = List.copyOf(runs);
        }
        changed(now);
    }

    /**
     * Records {@code run} unless the same result (equal in everything but the timestamp) is already there, so a
     * repeated deterministic run, or the fp32 reference measured again, is kept once.
     *
     * @return whether it was added
     */
    public boolean addUnlessPresent(RunRecord run) {
        List<RunRecord> now;
        synchronized (this) {
            if (runs.stream().anyMatch(r -> r.withTimestamp(run.timestamp()).equals(run))) {
                return false;
            }
            runs.add(run);
            version++;
            now = List.copyOf(runs);
        }
        changed(now);
        return true;
    }

    /** Forgets every run (the file is rewritten empty). */
    public void clear() {
        synchronized (this) {
            runs.clear();
            version++;
        }
        changed(List.of());
    }

    /** The runs, oldest first (a copy). */
    public synchronized List<RunRecord> runs() {
        return List.copyOf(runs);
    }

    /** Why the file could not be read at start, if it could not. */
    public synchronized Optional<LoadProblem> loadProblem() {
        return Optional.ofNullable(loadProblem);
    }

    /** Why the last save failed, if it did (runs stay in memory). */
    public Optional<String> saveProblem() {
        return Optional.ofNullable(saveProblem);
    }

    /**
     * Called (on the thread that saves) when saving starts to fail, once until a save succeeds again, so that the
     * learner hears that recorded runs are not reaching the disk.
     */
    public void onSaveProblem(Consumer<String> whenSavingFails) {
        this.onSaveProblem = Objects.requireNonNull(whenSavingFails);
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    private void changed(List<RunRecord> now) {
        for (Listener l : listeners) {
            l.changed(now);
        }
        try {
            saver.execute(this::saveLatest);
        } catch (RejectedExecutionException closed) {
            saveLatest();
        }
    }

    private void saveLatest() {
        synchronized (writing) {
            List<RunRecord> snapshot;
            long v;
            synchronized (this) {
                if (version == savedVersion) {
                    return;
                }
                snapshot = List.copyOf(runs);
                v = version;
            }
            if (readOnly()) {
                return;
            }
            byte[] bytes = ResultsJson.write(snapshot).getBytes(StandardCharsets.UTF_8);
            try {
                AtomicFiles.write(file, out -> out.write(bytes));
                saveProblem = null;
                synchronized (this) {
                    savedVersion = Math.max(savedVersion, v);
                }
            } catch (IOException e) {
                boolean first = saveProblem == null;
                saveProblem = "Could not save results to " + file + ": " + IoReasons.of(e);
                if (first) {
                    onSaveProblem.accept(saveProblem);
                }
            }
        }
    }

    /** Waits until every change so far is on disk (or a few seconds have passed). */
    public void flush() {
        try {
            saver.submit(this::saveLatest).get(FLUSH_SECONDS, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            saveLatest();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            saveProblem = "Could not save results to " + file + ": " + e.getMessage();
        }
    }

    /** Saves what is pending and stops the background writer. */
    @Override
    public void close() {
        flush();
        saver.shutdown();
    }
}
