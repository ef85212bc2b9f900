package dev.quantlab.app.kmeans;

import dev.quantlab.app.jobs.Job;
import dev.quantlab.app.jobs.JobProgress;
import dev.quantlab.app.jobs.JobStart;
import dev.quantlab.app.services.KMeansSettings;
import dev.quantlab.app.services.TestSubset;
import dev.quantlab.mixed.MixedPlan;
import dev.quantlab.model.StateDict;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableIntegerValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The whole-model runs: "quantize" and "sweep" run {@link KMeansRuns} as a job and add rows as runs finish;
 * "save" writes the model quantized at the slider's bits as a packed file ({@link PackedSave}). Use on the FX
 * thread.
 */
public final class RunsViewModel {
    /** Rows grouped by subset (smallest first, "all" last), then fp32 first and fewer bits further down. */
    private static final Comparator<RunResult> ROW_ORDER = Comparator
            .comparingInt((RunResult r) -> r.subset().isAll() ? Integer.MAX_VALUE : r.subset().limit())
            .thenComparing(RunResult::bits, Comparator.reverseOrder());

    private final KMeansServices services;
    private final ObservableIntegerValue bits;
    private final KMeansSettings settings;
    private final ObjectProperty<TestSubset> subset = new SimpleObjectProperty<>(new TestSubset(500));
    private final ObservableList<RunResult> results = FXCollections.observableArrayList();
    private final ObservableList<RunResult> readOnlyResults = FXCollections.unmodifiableObservableList(results);
    private final JobProgress job;

    RunsViewModel(KMeansServices services, ObservableIntegerValue bits, KMeansSettings settings) {
        this.services = services;
        this.bits = bits;
        this.settings = settings;
        this.job = new JobProgress(services.language(), () -> services.language().t("kmeans.status.idle"));
        services.model().weights().addListener((o, a, w) -> results.clear());
    }

    /** Quantizes the model at the slider's bit-width and evaluates it. */
    public JobStart quantizeAtCurrentBits() {
        return run(List.of(bits.get()));
    }

    /** The lesson's 8/4/2-bit sweep. */
    public JobStart lessonSweep() {
        return run(KMeansRuns.LESSON_BITS);
    }

    /**
     * Quantizes the model with a width per layer ({@code plan}, e.g. chosen under a size budget from the
     * sensitivity cells) and evaluates it on the subset; the row shows the widths.
     */
    public JobStart quantizeMixed(MixedPlan plan) {
        StateDict weights = services.model().weights().get();
        JobStart ready = JobStart.check(weights != null && plan != null, services.data()::isAvailable, job);
        if (ready != JobStart.STARTED) {
            return ready;
        }
        TestSubset sub = subset.get();
        String widths = plan.bits().values().stream().map(String::valueOf).collect(Collectors.joining(" "));
        Supplier<String> what = () -> services.language().t("kmeans.run.mixed", widths);
        Job<Void> j = services.jobs().submit(services.language().t("kmeans.job", what.get(), sub),
                KMeansRuns.mixed(services.evaluation(), services.language().texts(), weights, plan, sub, settings,
                        r -> services.fxThread().execute(() -> addResult(weights, r))),
                v -> job.setMessage(() -> services.language().t("kmeans.status.finished", what.get(),
                        SettingsText.describe(services.language().texts(), settings))));
        job.track(j);
        return JobStart.STARTED;
    }

    private JobStart run(List<Integer> bitWidths) {
        StateDict weights = services.model().weights().get();
        JobStart ready = JobStart.check(weights != null, services.data()::isAvailable, job);
        if (ready != JobStart.STARTED) {
            return ready;
        }
        TestSubset sub = subset.get();
        Supplier<String> what = () -> bitWidths.size() == 1
                ? services.language().t("kmeans.run.single", Integer.toString(bitWidths.get(0)))
                : services.language().t("kmeans.run.sweep", bitWidths.stream().map(String::valueOf)
                        .collect(Collectors.joining(" / ")));
        Job<Void> j = services.jobs().submit(services.language().t("kmeans.job", what.get(), sub),
                KMeansRuns.work(services.evaluation(), services.language().texts(), weights, bitWidths, sub, settings,
                        r -> services.fxThread().execute(() -> addResult(weights, r))),
                v -> job.setMessage(() -> services.language().t("kmeans.status.finished", what.get(),
                        SettingsText.describe(services.language().texts(), settings))));
        job.track(j);
        return JobStart.STARTED;
    }

    /**
     * Writes the model quantized at the slider's bits to {@code file} as a packed file (the format of
     * {@code kmeans --save}), which the model chooser and {@code --model} load back.
     */
    public JobStart savePacked(Path file) {
        StateDict weights = services.model().weights().get();
        JobStart ready = JobStart.check(weights != null, () -> true, job);
        if (ready != JobStart.STARTED) {
            return ready;
        }
        int b = bits.get();
        Job<PackedSave.Saved> j = services.jobs().submit(services.language().t("kmeans.save.job", Integer.toString(b),
                        file.getFileName().toString()),
                PackedSave.work(weights, b, settings, file, services.language().texts()),
                saved -> job.setMessage(() -> services.language().t("kmeans.save.done", saved.file().toString(),
                        String.format(java.util.Locale.ROOT, "%.2f", saved.mibOnDisk()),
                        String.format(java.util.Locale.ROOT, "%.2f", saved.honestMib()))));
        job.track(j);
        return JobStart.STARTED;
    }

    /** Adds a row, replacing an earlier one with the same bits and subset (rows of other weights are dropped). */
    void addResult(StateDict weights, RunResult r) {
        if (weights != services.model().weights().get()) {
            return;
        }
        results.removeIf(o -> o.bits() == r.bits() && o.widths().equals(r.widths()) && o.subset().equals(r.subset()));
        results.add(r);
        FXCollections.sort(results, ROW_ORDER);
        // the fp32 row is the loaded model measured, recorded as the Baseline tab records it (once per model and images)
        services.results().addUnlessPresent(r.toRecord(services.model().fileName(), services.model().packed().get()));
    }

    public void cancel() {
        job.cancel();
    }

    void relocalize() {
        job.relocalize();
    }

    public ObjectProperty<TestSubset> subset() {
        return subset;
    }

    /** The finished runs, in table order (read-only). */
    public ObservableList<RunResult> results() {
        return readOnlyResults;
    }

    public JobProgress job() {
        return job;
    }
}
