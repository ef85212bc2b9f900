package dev.quantlab.app.compare;

import com.google.gson.JsonParseException;
import dev.quantlab.app.export.DataTable;
import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.jobs.Job;
import dev.quantlab.app.jobs.Messages;
import dev.quantlab.core.UserFacingException;
import dev.quantlab.model.StateDict;
import dev.quantlab.results.MeasuredResults;
import dev.quantlab.results.ResultsJson;
import dev.quantlab.results.ResultsStore;
import dev.quantlab.results.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

/**
 * State and commands of the Compare tab: the recorded runs, the results measured on the loaded model (read from its
 * {@code <name>-results.json} off the FX thread), the lesson's reference points, adding runs from a results file,
 * clearing them, and the two notices (results file unreadable at start, what the last import did). Use on the FX
 * thread.
 */
public final class CompareViewModel {
    private final CompareServices services;
    private final List<ReferencePoint> reference = ReferencePoint.lesson();
    private final ReadOnlyObjectWrapper<List<RunRecord>> measured = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper problemShown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper importMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper importShown = new ReadOnlyBooleanWrapper();
    private Function<Texts, String> problemText = t -> "";
    private Function<Texts, String> importText = t -> "";
    private int measuredGeneration;

    public CompareViewModel(CompareServices services) {
        this.services = services;
        services.results().loadProblem().ifPresent(p -> {
            problemText = t -> problemText(t, p);
            problemShown.set(true);
            services.notice().set(problemText.apply(services.language().texts()));
        });
        relocalize();
        services.model().weights().subscribe(this::readMeasured);
    }

    static String problemText(Texts t, ResultsStore.LoadProblem p) {
        return p.keptAs() != null ? t.t("compare.store.unreadable", p.file().toString(), p.keptAs().toString(),
                p.detail()) : t.t("compare.store.unreadableLost", p.file().toString(), p.detail());
    }

    /** After a language switch: the notices in the new language. */
    public void relocalize() {
        Texts t = services.language().texts();
        problem.set(problemText.apply(t));
        importMessage.set(importText.apply(t));
    }

    /**
     * Reads, off the FX thread, the results measured on the model now loaded (none when it has no results file); a
     * damaged file, or unusable entries in it, are said in the status line. A later model's read wins.
     */
    private void readMeasured(StateDict weights) {
        int gen = ++measuredGeneration;
        Path model = services.model().path().get();
        if (weights == null || model == null) {
            measured.set(List.of());
            return;
        }
        CompletableFuture<ResultsJson.Parsed> read;
        try {
            read = CompletableFuture.supplyAsync(() -> {
                try {
                    return MeasuredResults.read(model);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, services.previews());
        } catch (RejectedExecutionException e) {
            return; // the app is closing
        }
        read.whenComplete((parsed, error) -> Platform.runLater(() -> {
            if (gen != measuredGeneration) {
                return;
            }
            measured.set(error == null ? parsed.runs() : List.of());
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause()
                        : error;
                services.notice().set(Messages.describe(services.language().texts(), cause));
            } else if (parsed.skipped() > 0) {
                services.notice().set(services.language().t("compare.measured.skipped", parsed.skipped(),
                        MeasuredResults.besideModel(model).toString()));
            }
        }));
    }

    /**
     * Adds the runs kept in {@code file} (e.g. the shipped model's results measured with {@code --record}), read on a
     * worker thread; runs already recorded are not added twice. The file itself is never changed.
     */
    public Job<ResultsJson.Parsed> addFrom(Path file) {
        Texts t = services.language().texts();
        return services.jobs().submit(t.t("compare.import.job", file.getFileName().toString()), (progress, cancel) -> {
            try {
                return ResultsJson.read(Files.readString(file, StandardCharsets.UTF_8));
            } catch (JsonParseException e) {
                throw new UserFacingException(t.t("compare.import.notResults", file.toString(), e.getMessage()), e);
            }
        }, parsed -> {
            int added = 0;
            for (RunRecord r : parsed.runs()) {
                added += services.results().addUnlessPresent(r) ? 1 : 0;
            }
            int kept = added;
            importText = now -> now.t("compare.import.done", kept, parsed.runs().size() - kept, file.toString(),
                    parsed.skipped());
            importMessage.set(importText.apply(services.language().texts()));
            importShown.set(true);
        });
    }

    /** Forgets every recorded run (the view asks first). */
    public void clear() {
        services.results().clear();
    }

    public void dismissProblem() {
        problemShown.set(false);
    }

    public void dismissImport() {
        importShown.set(false);
    }

    /** The recorded runs, oldest first; read-only. */
    public ObservableList<RunRecord> runs() {
        return services.results().runs();
    }

    /** The results measured on the loaded model with the command line (empty when it has no results file). */
    public ReadOnlyObjectProperty<List<RunRecord>> measured() {
        return measured.getReadOnlyProperty();
    }

    /** The lesson's published points. */
    public List<ReferencePoint> reference() {
        return reference;
    }

    /** Why the results file could not be read at start, or "". */
    public ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty problemShown() {
        return problemShown.getReadOnlyProperty();
    }

    /** What the last "Add results from a file…" did, or "". */
    public ReadOnlyStringProperty importMessage() {
        return importMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty importShown() {
        return importShown.getReadOnlyProperty();
    }

    /** The CSV tables of this tab: the recorded runs and the k-means / linear comparison. */
    public List<DataTable> tables() {
        return List.of(RunsTable.table(runs()), TradeOffTable.table(services.language().texts()));
    }
}
