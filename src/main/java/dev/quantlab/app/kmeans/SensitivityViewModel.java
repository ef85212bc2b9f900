package dev.quantlab.app.kmeans;

import ai.djl.ndarray.NDManager;
import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.jobs.Job;
import dev.quantlab.app.jobs.JobProgress;
import dev.quantlab.app.jobs.JobStart;
import dev.quantlab.app.jobs.StagedProgress;
import dev.quantlab.app.jobs.Work;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.mixed.DjlScorer;
import dev.quantlab.mixed.MixedPlan;
import dev.quantlab.mixed.MixedPrecision;
import dev.quantlab.mixed.ModelHash;
import dev.quantlab.mixed.SensitivityAnalysis;
import dev.quantlab.mixed.SensitivityCache;
import dev.quantlab.mixed.SensitivityTable;
import dev.quantlab.mixed.SizeRule;
import dev.quantlab.mixed.WeightMethod;
import dev.quantlab.model.StateDict;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Per-layer sensitivity in the k-means tab: the cells the sensitivity cache (shared with the CLI's
 * {@code sensitivity}) already holds for the loaded model file are shown as soon as the model is there; measuring
 * the missing ones is a job with progress and cancel, each cell shown (and saved) as it is measured. Use on the FX
 * thread.
 */
public final class SensitivityViewModel {
    /** Every width the slider offers. */
    public static final List<Integer> BITS = IntStream.rangeClosed(LayerViewModel.MIN_BITS, LayerViewModel.MAX_BITS)
            .boxed().toList();
    /** Test images per cell: the CLI's default {@code --sensitivity-limit}, so both share their cells. */
    public static final int IMAGES = 1000;

    private final KMeansServices services;
    private final long seed;
    private final ReadOnlyObjectWrapper<SensitivityGrid> grid =
            new ReadOnlyObjectWrapper<>(SensitivityGrid.empty(BITS, IMAGES));
    private final JobProgress job;
    private final ObjectProperty<Double> budgetMib = new SimpleObjectProperty<>(DEFAULT_BUDGET_MIB);
    private final ReadOnlyObjectWrapper<MixedPlan> plan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Choice> choice = new ReadOnlyObjectWrapper<>(Choice.NOT_CHOSEN);
    private int generation;

    /** The size budget offered first: the honest size of uniform 2-bit k-means (MiB), as the README's runs use. */
    public static final double DEFAULT_BUDGET_MIB = 2.2201;
    /** The smallest and largest budget the spinner takes (MiB; the fp32 model is 35.2 MiB). */
    public static final double MIN_BUDGET_MIB = 0.5;
    public static final double MAX_BUDGET_MIB = 36;

    /** The outcome of the last "choose widths". */
    public enum Choice {
        /** Nothing chosen since the cells last changed. */
        NOT_CHOSEN,
        /** {@link #plan()} holds the widths. */
        CHOSEN,
        /** Some layer has no measured cell yet (or the fp32 reference is missing). */
        CELLS_MISSING,
        /** No combination of measured widths fits the budget. */
        NOTHING_FITS
    }

    SensitivityViewModel(KMeansServices services, long seed) {
        this.services = services;
        this.seed = seed;
        this.job = new JobProgress(services.language(), () -> services.language().t("kmeans.sens.idle"));
        services.model().weights().addListener((o, a, w) -> showCached(w));
        budgetMib.addListener((o, a, b) -> forgetPlan()); // a plan chosen under another budget no longer stands
        showCached(services.model().weights().get());
    }

    /** Shows the cached cells of {@code weights}' file (read on the preview worker; nothing is measured). */
    private void showCached(StateDict weights) {
        int gen = ++generation;
        setGrid(SensitivityGrid.empty(BITS, IMAGES));
        Path file = services.model().path().get();
        if (weights == null || file == null) {
            return;
        }
        services.previews().execute(() -> {
            try {
                SensitivityGrid cached = SensitivityGrid.cached(analysis(weights, file, null), BITS, IMAGES);
                services.fxThread().execute(() -> {
                    if (gen == generation) {
                        setGrid(cached);
                    }
                });
            } catch (RuntimeException e) {
                // an unreadable cache or model file: measuring says why
            }
        });
    }

    private SensitivityAnalysis analysis(StateDict weights, Path modelFile, DjlScorer scorer) {
        return new SensitivityAnalysis(weights, ModelHash.of(modelFile), scorer == null ? w -> {
            throw new IllegalStateException("only cached cells are read here");
        } : scorer, IMAGES, SensitivityCache.open(services.sensitivityCache()), seed);
    }

    /** Measures the cells not cached yet (all {@link #BITS} for every layer), showing each as it comes. */
    public JobStart measureMissing() {
        StateDict weights = services.model().weights().get();
        Path file = services.model().path().get();
        JobStart ready = JobStart.check(weights != null && file != null, services.data()::isAvailable, job);
        if (ready != JobStart.STARTED) {
            return ready;
        }
        int gen = generation;
        Texts texts = services.language().texts();
        Job<SensitivityGrid> j = services.jobs().submit(texts.t("kmeans.sens.job", Integer.toString(IMAGES)),
                measure(weights, file, texts, g -> services.fxThread().execute(() -> {
                    if (gen == generation) {
                        setGrid(g);
                    }
                })), g -> job.setMessage(() -> services.language().t("kmeans.sens.done", Integer.toString(IMAGES))));
        job.track(j);
        return JobStart.STARTED;
    }

    private Work<SensitivityGrid> measure(StateDict weights, Path file, Texts texts, Consumer<SensitivityGrid> show) {
        return (progress, cancel) -> {
            StagedProgress stages = new StagedProgress(progress, 2);
            CifarSplit test = services.data().testSplit(stages.stage(0, texts.t("kmeans.sens.stage.data")), cancel);
            try (NDManager mgr = NDManager.newBaseManager()) {
                SensitivityAnalysis a = analysis(weights, file, new DjlScorer(mgr, test, IMAGES, cancel));
                ProgressListener cells = stages.stage(1, texts.t("kmeans.sens.stage.cells"));
                a.fp32Accuracy();
                show.accept(SensitivityGrid.cached(a, BITS, IMAGES));
                a.run(WeightMethod.KMEANS, BITS, (done, total, msg) -> {
                    cells.onProgress(done, total, msg);
                    show.accept(SensitivityGrid.cached(a, BITS, IMAGES));
                }, cancel);
                SensitivityGrid all = SensitivityGrid.cached(a, BITS, IMAGES);
                show.accept(all);
                return all;
            }
        };
    }

    /** New cells: a plan chosen from the old ones no longer stands. */
    private void setGrid(SensitivityGrid g) {
        if (!g.equals(grid.get())) {
            grid.set(g);
            forgetPlan();
        }
    }

    private void forgetPlan() {
        plan.set(null);
        choice.set(Choice.NOT_CHOSEN);
    }

    /**
     * Chooses a k-means bit-width per layer that minimises the summed single-layer drops of the cells known so far
     * within {@link #budgetMib()} (honest size: packed indices, codebooks and fp32 BatchNorm/bias), by exact search
     * ({@link MixedPrecision}); the outcome is in {@link #choice()} and the widths in {@link #plan()}.
     */
    public Choice choose() {
        SensitivityGrid g = grid.get();
        boolean complete = !Double.isNaN(g.fp32())
                && g.layers().stream().allMatch(l -> !g.accuracies().getOrDefault(l, java.util.Map.of()).isEmpty());
        MixedPlan p = complete ? MixedPrecision.choose(new SensitivityTable(WeightMethod.KMEANS, g.images(), g.fp32(),
                g.accuracies()), SizeRule.HONEST, budgetMib.get()) : null;
        plan.set(p);
        choice.set(!complete ? Choice.CELLS_MISSING : p == null ? Choice.NOTHING_FITS : Choice.CHOSEN);
        return choice.get();
    }

    /** The size budget in MiB (honest size). */
    public ObjectProperty<Double> budgetMib() {
        return budgetMib;
    }

    /** The widths chosen under the budget, or null. */
    public ReadOnlyObjectProperty<MixedPlan> plan() {
        return plan.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Choice> choice() {
        return choice.getReadOnlyProperty();
    }

    public void cancel() {
        job.cancel();
    }

    void relocalize() {
        job.relocalize();
    }

    /** The cells known so far. */
    public ReadOnlyObjectProperty<SensitivityGrid> grid() {
        return grid.getReadOnlyProperty();
    }

    public JobProgress job() {
        return job;
    }

    /** Where the cells are kept. */
    public Path cacheFile() {
        return services.sensitivityCache();
    }
}
