package dev.quantlab.app.linear;

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
import dev.quantlab.app.services.RangeMethod;
import dev.quantlab.app.services.TestSubset;
import dev.quantlab.eval.EvalResult;
import dev.quantlab.linear.IntegerVggConfig;
import dev.quantlab.model.StateDict;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and commands of the Linear tab. The bit width (and, once calibrated, the activation bits) picks a
 * {@link LinearPreviews.Preview}, computed off the FX thread by a {@link LatestRequestLoader} (cached per key,
 * latest request wins). "Calibrate" records activation ranges on training images; "evaluate" runs the integer
 * model at the chosen bits on a test subset as a job and adds a row to the runs.
 */
public final class LinearViewModel {
    public static final int MIN_BITS = 2;
    public static final int MAX_BITS = 8;
    /** Activation bits unless "same as weights" is chosen (the lesson's integer model). */
    public static final int DEFAULT_ACTIVATION_BITS = 8;

    private final IntegerTabCore core;
    private final Language language;
    private final IntegerProperty bits = new SimpleIntegerProperty(4);
    private final BooleanProperty activationsFollowBits = new SimpleBooleanProperty(false);
    private final BooleanProperty showFp32 = new SimpleBooleanProperty(false);
    private final ObjectProperty<String> point = new SimpleObjectProperty<>(
            dev.quantlab.linear.ActivationRanges.outputPoint(dev.quantlab.linear.ActivationRanges.convLayer(0)));
    private final ReadOnlyObjectWrapper<LinearPreviews.Preview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper();
    private final ObservableList<LinearRun> runs = FXCollections.observableArrayList();
    private final CalibratedWeights calibrated;
    private LatestRequestLoader<LinearPreviews.Key, LinearPreviews.Preview> loader;

    public LinearViewModel(IntegerServices services) {
        this(services, Platform::runLater);
    }

    LinearViewModel(IntegerServices services, Executor fxThread) {
        this.core = new IntegerTabCore(services, fxThread, "linear.eval.idle");
        this.language = core.language();
        this.calibrated = core.calibrated();
        bits.addListener((o, a, b) -> calibrated.activationBits().set(activationBits()));
        activationsFollowBits.addListener((o, a, b) -> calibrated.activationBits().set(activationBits()));
        bits.addListener((o, a, b) -> requestPreview());
        activationsFollowBits.addListener((o, a, b) -> requestPreview());
        calibrated.calibration().addListener((o, a, b) -> requestPreview());
        core.followWeights(this::useWeights);
    }

    private void useWeights(StateDict w) {
        if (loader != null) {
            loader.close();
        }
        calibrated.use(w);
        preview.set(null);
        runs.clear();
        if (w == null) {
            loader = null;
            computing.set(false);
            core.showStatus(() -> language.t("linear.preview.noModel"));
            return;
        }
        var previews = new java.util.concurrent.atomic.AtomicReference<LinearPreviews>();
        loader = core.loader(key -> previews.updateAndGet(
                p -> p != null ? p : new LinearPreviews(core.models().folded(w), core.models())).compute(key),
                (key, value) -> {
                    computing.set(false);
                    core.showStatus(() -> language.t("linear.preview.done", value.millis() / 1000));
                    preview.set(value);
                }, () -> computing.set(false), "linear.preview.failed");
        requestPreview();
    }

    private void requestPreview() {
        if (loader == null) {
            return;
        }
        LinearPreviews.Key key = new LinearPreviews.Key(bits.get(), activationBits(), calibrated.calibration().get());
        if (loader.cached(key).isEmpty()) {
            computing.set(true);
            core.showStatus(() -> language.t("linear.preview.computing", key.bits()));
        }
        loader.request(key);
    }

    /** The activation bit width of the next run. */
    public int activationBits() {
        return activationsFollowBits.get() ? bits.get() : DEFAULT_ACTIVATION_BITS;
    }

    /** The lesson's integer model at the chosen bits. */
    public IntegerVggConfig config() {
        return IntegerVggConfig.lesson().withWeightBits(bits.get()).withActivationBits(activationBits());
    }

    /** Records activation ranges on the chosen number of training images. */
    public JobStart calibrate() {
        int images = calibrated.calibrationImages().get();
        return calibrated.calibrate(language.t("linear.calibrate.job", images),
                c -> core.job().setMessage(() -> language.t("linear.calibrate.done", c.images(), c.seconds())));
    }

    /** Calibrates if needed, builds the integer model at the chosen bits and evaluates it on the subset. */
    public JobStart evaluate() {
        IntegerVggConfig config = config();
        String job = language.t("linear.eval.job", LinearRun.modelName(language.texts(), config), core.subset().get().describe(language.texts()));
        return calibrated.runIntegerModel(job, config, core.subset().get(), false, this::finished);
    }

    /**
     * Evaluates the integer model at the chosen bits once per way of taking activation ranges (min/max, percentile,
     * MSE, entropy), from one calibration pass and on the same test images: one row each in the runs table.
     */
    public JobStart evaluateEveryMethod() {
        IntegerVggConfig config = config();
        String job = language.t("linear.eval.everyMethod.job", LinearRun.modelName(language.texts(), config),
                core.subset().get().describe(language.texts()));
        return calibrated.runEveryMethod(job, config, core.subset().get(), (r, outcomes) -> {
            List<LinearRun> done = outcomes.stream().map(o -> add(r, o)).toList();
            core.job().setMessage(() -> language.t("linear.eval.everyMethod.done",
                    done.stream().map(x -> language.t(x.ranges().key()) + " " + Numbers.percent(x.accuracy()))
                            .collect(Collectors.joining(", ")), done.get(0).images()));
        });
    }

    private void finished(IntegerRuns.Request r, IntegerRuns.Outcome o) {
        LinearRun run = add(r, o);
        core.job().setMessage(() -> language.t("linear.eval.done", Numbers.percent(run.accuracy()), run.images(),
                run.imagesPerSecond()));
    }

    /** Adds (or replaces) the row of a finished run and records it. */
    private LinearRun add(IntegerRuns.Request r, IntegerRuns.Outcome o) {
        double fp32 = core.services().evaluation().fp32Result(r.weights(), r.subset()).map(EvalResult::accuracyPercent)
                .orElse(Double.NaN);
        LinearRun run = IntegerRuns.toRun("linear", r, o, fp32);
        runs.removeIf(x -> x.config().equals(run.config()) && x.ranges() == run.ranges()
                && x.subset().equals(run.subset()));
        runs.add(run);
        core.recorder().record(run);
        return run;
    }

    public void cancel() {
        core.job().cancel();
    }

    public IntegerProperty bits() {
        return bits;
    }

    public BooleanProperty activationsFollowBits() {
        return activationsFollowBits;
    }

    public BooleanProperty showFp32() {
        return showFp32;
    }

    /** How activation ranges are taken from the calibration images for the next calibration and run. */
    public ObjectProperty<RangeMethod> rangeMethod() {
        return calibrated.method();
    }

    /** The activation point whose histogram is shown (e.g. {@code backbone.conv0.output}). */
    public ObjectProperty<String> point() {
        return point;
    }

    public IntegerProperty calibrationImages() {
        return calibrated.calibrationImages();
    }

    public ObjectProperty<TestSubset> subset() {
        return core.subset();
    }

    public ReadOnlyObjectProperty<LinearPreviews.Preview> preview() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Calibration> calibration() {
        return calibrated.calibration();
    }

    public ReadOnlyBooleanProperty computing() {
        return computing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewMessage() {
        return core.status();
    }

    /** The runs of this session's weights, newest last (read-only). */
    public ObservableList<LinearRun> runs() {
        return FXCollections.unmodifiableObservableList(runs);
    }

    public JobProgress job() {
        return core.job();
    }

    /** After a language switch: the status lines again in the new language. */
    void relocalize() {
        core.relocalize();
    }
}
