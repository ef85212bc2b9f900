package dev.quantlab.app.integer;

import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.jobs.JobProgress;
import dev.quantlab.app.jobs.JobStart;
import dev.quantlab.app.services.CalibratedWeights;
import dev.quantlab.app.services.IntegerServices;
import dev.quantlab.app.services.Numbers;
import dev.quantlab.app.services.TestSubset;
import dev.quantlab.linear.IntegerVggConfig;
import dev.quantlab.model.StateDict;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The engines part of the Integer tab: runs fp32 (libtorch), QuantLab's int8 kernels, ONNX Runtime int8 and ONNX
 * Runtime fp32 on the same test images in one job (cancellable, with progress), keeps the last outcome, and
 * writes the models as ONNX files. Options of the integer model come from the tab's view model.
 */
public final class EnginesViewModel {
    /** Images timed one at a time for the batch-1 latency, by default. */
    public static final int LATENCY_IMAGES = 10;

    private final IntegerServices services;
    private final CalibratedWeights calibrated;
    private final Supplier<IntegerVggConfig> config;
    private final Language language;
    private final ObjectProperty<TestSubset> subset = new SimpleObjectProperty<>(new TestSubset(100));
    private final IntegerProperty latencyImages = new SimpleIntegerProperty(LATENCY_IMAGES);
    private final ReadOnlyObjectWrapper<EngineRace.Outcome> outcome = new ReadOnlyObjectWrapper<>();
    private final JobProgress job;
    private final JobProgress exportJob;

    EnginesViewModel(IntegerServices services, CalibratedWeights calibrated, Supplier<IntegerVggConfig> config) {
        this.services = services;
        this.calibrated = calibrated;
        this.config = config;
        this.language = services.language();
        this.job = new JobProgress(language, () -> language.t("integer.engines.idle"));
        this.exportJob = new JobProgress(language, () -> "");
        services.model().weights().addListener((o, a, w) -> outcome.set(null));
    }

    /** Runs the four engines on the chosen test images (calibrating first if needed). */
    public JobStart run() {
        JobStart s = JobStart.check(calibrated.weights() != null, services.data()::isAvailable, job);
        if (s != JobStart.STARTED) {
            return s;
        }
        StateDict w = calibrated.weights();
        EngineRace.Request r = new EngineRace.Request(w, services.data().currentRoot(), config.get(),
                calibrated.calibrationImages().get(), subset.get(), latencyImages.get());
        job.track(services.jobs().submit(language.t("integer.engines.job", subset.get().describe(language.texts())),
                EngineRace.work(services.integerModels(), services.data(), r), o -> {
                    if (w == calibrated.weights()) {
                        outcome.set(o);
                        var q = o.result(EngineKind.INT8_ORT);
                        var f = o.result(EngineKind.FP32_LIBTORCH);
                        double ratio = q.imagesPerSecond() / f.imagesPerSecond();
                        job.setMessage(() -> language.t("integer.engines.done", q.images(),
                                Numbers.fixed(ratio, 2)));
                    }
                }));
        return JobStart.STARTED;
    }

    /** Writes the integer model ({@link OnnxFiles.Kind#INT8}, calibrated if needed) or the fp32 model as ONNX. */
    public JobStart exportOnnx(OnnxFiles.Kind kind, Path file) {
        JobStart s = JobStart.check(calibrated.weights() != null,
                () -> kind == OnnxFiles.Kind.FP32 || services.data().isAvailable(), exportJob);
        if (s != JobStart.STARTED) {
            return s;
        }
        OnnxFiles.Request r = new OnnxFiles.Request(kind, calibrated.weights(), services.data().currentRoot(),
                config.get(), calibrated.calibrationImages().get(), file);
        exportJob.track(services.jobs().submit(language.t("integer.onnx.job", file.getFileName()),
                OnnxFiles.work(services.integerModels(), r),
                p -> exportJob.setMessage(() -> language.t("integer.onnx.done", p))));
        return JobStart.STARTED;
    }

    public void cancel() {
        job.cancel();
    }

    public ObjectProperty<TestSubset> subset() {
        return subset;
    }

    public IntegerProperty latencyImages() {
        return latencyImages;
    }

    /** The last run's measurements (null before a run and after the weights changed). */
    public ReadOnlyObjectProperty<EngineRace.Outcome> outcome() {
        return outcome.getReadOnlyProperty();
    }

    public JobProgress job() {
        return job;
    }

    /** The progress and last message of ONNX exports. */
    public JobProgress exportJob() {
        return exportJob;
    }

    /** After a language switch: the last messages again in the new language. */
    void relocalize() {
        job.relocalize();
        exportJob.relocalize();
    }
}
