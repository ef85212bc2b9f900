package dev.quantlab.app.results;

import dev.quantlab.results.ResultsStore;
import dev.quantlab.results.RunRecord;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The {@link ResultsStore} for the UI: its runs as an {@link ObservableList} that changes on the FX thread
 * only. {@link #add} may be called from any thread (a worker that just finished a run, or the FX thread).
 */
public final class ObservableResults implements AutoCloseable {
    private final ResultsStore store;
    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    private final ObservableList<RunRecord> view = FXCollections.unmodifiableObservableList(runs);

    public ObservableResults(ResultsStore store) {
        this(store, ObservableResults::onFxThread);
    }

    /** With an explicit way onto the UI thread (tests pass {@code Runnable::run}). */
    public ObservableResults(ResultsStore store, Executor fxThread) {
        this.store = store;
        runs.setAll(store.runs());
        store.addListener(now -> fxThread.execute(() -> runs.setAll(store.runs())));
    }

    private static void onFxThread(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    /** Records a finished run (kept across restarts). Any thread. */
    public void add(RunRecord run) {
        store.add(run);
    }

    /** Records {@code run} unless an equal result (timestamp aside) is already recorded. Any thread. */
    public boolean addUnlessPresent(RunRecord run) {
        return store.addUnlessPresent(run);
    }

    /** Forgets every recorded run. */
    public void clear() {
        store.clear();
    }

    /** The recorded runs, oldest first; read-only, changes on the FX thread. */
    public ObservableList<RunRecord> runs() {
        return view;
    }

    public Optional<ResultsStore.LoadProblem> loadProblem() {
        return store.loadProblem();
    }

    public ResultsStore store() {
        return store;
    }

    /** A snapshot for code off the FX thread. */
    public List<RunRecord> snapshot() {
        return store.runs();
    }

    @Override
    public void close() {
        store.close();
    }
}
