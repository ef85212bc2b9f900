package dev.quantlab.app.kmeans;

import dev.quantlab.app.i18n.I18n;
import dev.quantlab.app.jobs.Job;
import dev.quantlab.app.jobs.JobProgress;
import dev.quantlab.app.jobs.JobStart;
import dev.quantlab.app.jobs.LatestRequestLoader;
import dev.quantlab.app.jobs.Messages;
import dev.quantlab.app.services.AppServices;
import dev.quantlab.app.services.KMeansSettings;
import dev.quantlab.app.services.TestSubset;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggArchitecture;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and commands of the k-means tab. Choosing a layer or a bit-width asks a {@link LatestRequestLoader} for
 * that layer's preview (computed off the FX thread, cached per (layer, bits), latest request wins); the 5x5
 * demo follows the bit-width; "quantize" and "sweep" run {@link KMeansRuns} as a job and add rows as runs finish.
 */
public final class KMeansViewModel {

    public static final int MIN_BITS = 1;
    public static final int MAX_BITS = 8;

    private final AppServices services;
    private final Executor fxThread;
    private final KMeansSettings settings = KMeansSettings.DEFAULT;
    private final List<String> layers = VggArchitecture.cifarVgg().weightMatrices().stream()
            .map(VggArchitecture.TensorSpec::name).toList();
    private final ObjectProperty<String> layer = new SimpleObjectProperty<>(layers.get(0));
    private final IntegerProperty bits = new SimpleIntegerProperty(4);
    private final ReadOnlyObjectWrapper<LayerPreview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper previewMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<DemoTensor.Quantized> demo = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<TestSubset> subset = new SimpleObjectProperty<>(new TestSubset(500));
    private final ObservableList<RunResult> results = FXCollections.observableArrayList();
    private final JobProgress job = new JobProgress(() -> I18n.t("kmeans.status.idle"));
    private final DemoTensor demoTensor = DemoTensor.load();
    private LatestRequestLoader<LayerPreviews.Key, LayerPreview> loader;
    private java.util.function.Supplier<String> previewText = () -> "";

    /** Rows grouped by subset (smallest first, "all" last), then fp32 first and fewer bits further down. */
    private static final java.util.Comparator<RunResult> ROW_ORDER = java.util.Comparator
            .comparingInt((RunResult r) -> r.subset().isAll() ? Integer.MAX_VALUE : r.subset().limit())
            .thenComparing(RunResult::bits, java.util.Comparator.reverseOrder());

    public KMeansViewModel(AppServices services) {
        this(services, Platform::runLater);
    }

    KMeansViewModel(AppServices services, Executor fxThread) {
        this.services = services;
        this.fxThread = fxThread;
        layer.addListener((o, a, b) -> requestPreview());
        bits.addListener((o, a, b) -> {
            requestPreview();
            demo.set(demoTensor.quantize(bits.get(), settings));
        });
        services.model().weights().addListener((o, a, w) -> useWeights(w));
        demo.set(demoTensor.quantize(bits.get(), settings));
        useWeights(services.model().weights().get());
    }

    private void useWeights(StateDict weights) {
        if (loader != null) {
            loader.close();
        }
        preview.set(null);
        results.clear();
        if (weights == null) {
            loader = null;
            computing.set(false);
            say(() -> I18n.t("kmeans.preview.noModel"));
            return;
        }
        LayerPreviews previews = new LayerPreviews(weights, settings);
        loader = new LatestRequestLoader<>(previews::compute, services.previews(), fxThread,
                new LatestRequestLoader.Listener<>() {
                    @Override
                    public void loaded(LayerPreviews.Key key, LayerPreview value) {
                        computing.set(false);
                        say(() -> "");
                        preview.set(value);
                    }

                    @Override
                    public void failed(LayerPreviews.Key key, Throwable error) {
                        computing.set(false);
                        say(() -> I18n.t("kmeans.preview.failed", key.layer(), Messages.describe(error)));
                    }
                });
        requestPreview();
    }

    private void requestPreview() {
        if (loader == null) {
            return;
        }
        LayerPreviews.Key key = new LayerPreviews.Key(layer.get(), bits.get());
        boolean cached = loader.cached(key).isPresent();
        if (!cached) {
            computing.set(true);
            say(() -> I18n.t("kmeans.preview.computing", key.layer(), Integer.toString(key.bits())));
        }
        loader.request(key);
    }

    /** Quantizes the model at the slider's bit-width and evaluates it. */
    public JobStart quantizeAtCurrentBits() {
        return run(List.of(bits.get()));
    }

    /** The lesson's 8/4/2-bit sweep. */
    public JobStart lessonSweep() {
        return run(KMeansRuns.LESSON_BITS);
    }

    private JobStart run(List<Integer> bitWidths) {
        StateDict weights = services.model().weights().get();
        JobStart ready = JobStart.check(weights != null, services.data()::isAvailable, job);
        if (ready != JobStart.STARTED) {
            return ready;
        }
        TestSubset sub = subset.get();
        java.util.function.Supplier<String> what = () -> bitWidths.size() == 1
                ? I18n.t("kmeans.run.single", Integer.toString(bitWidths.get(0)))
                : I18n.t("kmeans.run.sweep", bitWidths.stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(" / ")));
        Job<Void> j = services.jobs().submit(I18n.t("kmeans.job", what.get(), sub.toString()),
                KMeansRuns.work(services.evaluation(), weights, bitWidths, sub, settings,
                        r -> fxThread.execute(() -> addResult(weights, r))),
                v -> job.setMessage(() -> I18n.t("kmeans.status.finished", what.get(), settings.describe())));
        job.track(j);
        return JobStart.STARTED;
    }

    /** Adds a row, replacing an earlier one with the same bits and subset. */
    private void addResult(StateDict weights, RunResult r) {
        if (weights != services.model().weights().get()) {
            return;
        }
        results.removeIf(o -> o.bits() == r.bits() && o.subset().equals(r.subset()));
        results.add(r);
        FXCollections.sort(results, ROW_ORDER);
        services.results().addUnlessPresent(r.toRecord());
    }

    public void cancel() {
        job.cancel();
    }

    private void say(java.util.function.Supplier<String> text) {
        previewText = text;
        previewMessage.set(text.get());
    }

    /** After a language switch: the preview and job messages in the new language. */
    public void relocalize() {
        previewMessage.set(previewText.get());
        job.relocalize();
    }

    public List<String> layers() {
        return layers;
    }

    public ObjectProperty<String> layer() {
        return layer;
    }

    public IntegerProperty bits() {
        return bits;
    }

    public ReadOnlyObjectProperty<LayerPreview> preview() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty computing() {
        return computing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewMessage() {
        return previewMessage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DemoTensor.Quantized> demo() {
        return demo.getReadOnlyProperty();
    }

    public ObjectProperty<TestSubset> subset() {
        return subset;
    }

    public ObservableList<RunResult> results() {
        return results;
    }

    public JobProgress job() {
        return job;
    }

    public KMeansSettings settings() {
        return settings;
    }
}
