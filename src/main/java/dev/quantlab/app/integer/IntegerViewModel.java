package dev.quantlab.app.integer;

import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.jobs.JobProgress;
import dev.quantlab.app.jobs.JobStart;
import dev.quantlab.app.jobs.LatestRequestLoader;
import dev.quantlab.app.services.CalibratedWeights;
import dev.quantlab.app.services.Calibration;
import dev.quantlab.app.services.IntegerRuns;
import dev.quantlab.app.services.IntegerServices;
import dev.quantlab.app.services.IntegerTabCore;
import dev.quantlab.app.services.LinearRun;
import dev.quantlab.app.services.Numbers;
import dev.quantlab.app.services.TestSubset;
import dev.quantlab.linear.IntegerVggConfig;
import dev.quantlab.linear.RequantMode;
import dev.quantlab.linear.WeightGranularity;
import dev.quantlab.model.StateDict;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * State and commands of the Integer tab: options of the integer model, a run that measures fp32 and the integer
 * model on the same test images (a job), and the worked example of one conv output element, recomputed off the
 * FX thread whenever a picker or an option changes (latest request wins, cached).
 */
public final class IntegerViewModel {
    private final IntegerTabCore core;
    private final Language language;
    private final List<WorkedExamples.ConvShape> shapes = WorkedExamples.convShapes();
    private final ObjectProperty<RequantMode> requantMode = new SimpleObjectProperty<>(RequantMode.FLOAT_MULTIPLIER);
    private final ObjectProperty<WeightGranularity> granularity =
            new SimpleObjectProperty<>(WeightGranularity.PER_CHANNEL);
    private final IntegerProperty layer = new SimpleIntegerProperty(1);
    private final IntegerProperty oc = new SimpleIntegerProperty(0);
    private final IntegerProperty y = new SimpleIntegerProperty(0);
    private final IntegerProperty x = new SimpleIntegerProperty(0);
    private final IntegerProperty image = new SimpleIntegerProperty(0);
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<WorkedExample> example = new ReadOnlyObjectWrapper<>();
    private final CalibratedWeights calibrated;
    private final EnginesViewModel engines;
    private LatestRequestLoader<ExampleKey, WorkedExample> loader;

    public IntegerViewModel(IntegerServices services) {
        this(services, Platform::runLater);
    }

    IntegerViewModel(IntegerServices services, Executor fxThread) {
        this.core = new IntegerTabCore(services, fxThread, "integer.run.idle");
        this.language = core.language();
        this.calibrated = core.calibrated();
        this.engines = new EnginesViewModel(services, calibrated, this::config);
        for (var p : List.of(requantMode, granularity, calibrated.calibration())) {
            p.addListener((o, a, b) -> requestExample());
        }
        for (IntegerProperty p : List.of(oc, y, x, image)) {
            p.addListener((o, a, b) -> requestExample());
        }
        layer.addListener((o, a, b) -> {
            WorkedExamples.ConvShape s = shape();
            oc.set(Math.min(oc.get(), s.outChannels() - 1));
            y.set(Math.min(y.get(), s.size() - 1));
            x.set(Math.min(x.get(), s.size() - 1));
            requestExample();
        });
        core.followWeights(this::useWeights);
    }

    private void useWeights(StateDict w) {
        if (loader != null) {
            loader.close();
        }
        calibrated.use(w);
        comparison.set(null);
        example.set(null);
        WorkedExamples examples = new WorkedExamples(core.models(), core.services().data());
        loader = core.loader(examples::compute, (key, value) -> {
            example.set(value);
            core.showStatus(() -> value.matches() ? language.t("integer.example.matches")
                    : language.t("integer.example.differs", value.layerOutput()));
        }, () -> { }, "integer.example.failed");
        core.showStatus(() -> language.t(w == null ? "integer.example.noModel" : "integer.example.needCalibration"));
    }

    private void requestExample() {
        Calibration c = calibrated.calibration().get();
        if (loader == null || c == null) {
            return;
        }
        ExampleKey key = new ExampleKey(c, config(), layer.get(), oc.get(), y.get(), x.get(),
                image.get());
        if (loader.cached(key).isEmpty()) {
            core.showStatus(() -> language.t("integer.example.computing"));
        }
        loader.request(key);
    }

    /** The lesson's 8-bit integer model with the chosen requantization and weight granularity. */
    public IntegerVggConfig config() {
        return IntegerVggConfig.lesson().withRequantMode(requantMode.get()).withGranularity(granularity.get());
    }

    /** Measures fp32 and the integer model on the same test subset (calibrating first if needed). */
    public JobStart run() {
        return calibrated.runIntegerModel(language.t("integer.run.job", core.subset().get().describe(language.texts())), config(), core.subset().get(), true,
                (r, o) -> {
                    LinearRun run = IntegerRuns.toRun("integer", r, o, o.fp32().accuracyPercent());
                    comparison.set(new Comparison(o.fp32(), o.integer(), run));
                    core.recorder().record(run);
                    core.job().setMessage(() -> language.t("integer.run.done", Numbers.percent(run.accuracy()),
                            Numbers.percent(run.fp32Accuracy()), run.images()));
                });
    }

    /** Calibrates (so that the worked example can be shown) without evaluating. */
    public JobStart prepare() {
        int n = calibrated.calibrationImages().get();
        return calibrated.calibrate(language.t("integer.prepare.job", n),
                c -> core.job().setMessage(() -> language.t("integer.prepare.done", c.images())));
    }

    public void cancel() {
        core.job().cancel();
    }

    /** Output channels and size of the chosen conv. */
    public WorkedExamples.ConvShape shape() {
        return shapes.get(layer.get());
    }

    public List<WorkedExamples.ConvShape> shapes() {
        return shapes;
    }

    public ObjectProperty<RequantMode> requantMode() {
        return requantMode;
    }

    public ObjectProperty<WeightGranularity> granularity() {
        return granularity;
    }

    public IntegerProperty calibrationImages() {
        return calibrated.calibrationImages();
    }

    public ObjectProperty<TestSubset> subset() {
        return core.subset();
    }

    public IntegerProperty layer() {
        return layer;
    }

    public IntegerProperty oc() {
        return oc;
    }

    public IntegerProperty y() {
        return y;
    }

    public IntegerProperty x() {
        return x;
    }

    public IntegerProperty image() {
        return image;
    }

    public ReadOnlyObjectProperty<Calibration> calibration() {
        return calibrated.calibration();
    }

    public ReadOnlyObjectProperty<Comparison> comparison() {
        return comparison.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<WorkedExample> example() {
        return example.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty exampleMessage() {
        return core.status();
    }

    public JobProgress job() {
        return core.job();
    }

    /** The engines panel: fp32 and int8 on libtorch, QuantLab's kernels and ONNX Runtime; ONNX export. */
    public EnginesViewModel engines() {
        return engines;
    }

    /** After a language switch: the status lines again in the new language. */
    void relocalize() {
        core.relocalize();
        engines.relocalize();
    }
}
