package dev.quantlab.app.services;

import dev.quantlab.app.jobs.Job;
import dev.quantlab.app.jobs.JobProgress;
import dev.quantlab.app.jobs.JobStart;
import dev.quantlab.linear.IntegerVggConfig;
import dev.quantlab.model.StateDict;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * What the Linear and the Integer tab share: the weights they quantize, the activation calibration of those
 * weights on a chosen number of training images, and the jobs that calibrate them and run the integer model.
 * The calibration is dropped when the weights or the number of images change, and taken over from the other tab
 * (through the app's shared {@link IntegerModels}) when it calibrated the same weights on the same images.
 * Used on the FX thread; job results arrive there and are ignored once other weights were loaded.
 */
public final class CalibratedWeights {
    /** The lesson calibrates on one batch of 512 training images. */
    public static final int LESSON_CALIBRATION = 512;

    private final IntegerServices services;
    private final JobProgress job;
    private final IntegerProperty calibrationImages = new SimpleIntegerProperty(LESSON_CALIBRATION);
    private final ObjectProperty<RangeMethod> method = new SimpleObjectProperty<>(RangeMethod.MIN_MAX);
    private final IntegerProperty activationBits = new SimpleIntegerProperty(8);
    private final ReadOnlyObjectWrapper<Calibration> calibration = new ReadOnlyObjectWrapper<>();
    private StateDict weights;

    /** {@code job} is the tab's progress, which every job started here is tracked by. */
    public CalibratedWeights(IntegerServices services, Executor fxThread, JobProgress job) {
        this.services = services;
        this.job = job;
        calibrationImages.addListener((o, a, n) -> calibration.set(null));
        method.addListener((o, a, m) -> calibration.set(null));
        activationBits.addListener((o, a, b) -> {
            if (method.get().dependsOnBits()) {
                calibration.set(null);
            }
        });
        services.integerModels().addCalibrationListener((w, root, c) -> fxThread.execute(() -> {
            if (w == weights && root.equals(services.data().currentRoot()) && fits(c)
                    && calibration.get() == null) {
                calibration.set(c);
            }
        }));
    }

    /** Works on {@code w} (null: no model) from now on, without a calibration. */
    public void use(StateDict w) {
        weights = w;
        calibration.set(null);
    }

    public StateDict weights() {
        return weights;
    }

    /** Whether a job can start now: a model and the data are there and no job of this tab runs. */
    public JobStart check() {
        return JobStart.check(weights != null, services.data()::isAvailable, job);
    }

    /** Records activation ranges on {@link #calibrationImages()} training images; then {@code done}. */
    public JobStart calibrate(String title, Consumer<Calibration> done) {
        JobStart s = check();
        if (s != JobStart.STARTED) {
            return s;
        }
        StateDict w = weights;
        Path root = services.data().currentRoot();
        int images = calibrationImages.get();
        IntegerModels models = services.integerModels();
        RangeMethod m = method.get();
        int bits = activationBits.get();
        job.track(services.jobs().submit(title, (p, c) -> models.calibrate(w, root, images, m, bits, p, c), c -> {
            if (isCurrent(w, c)) {
                calibration.set(c);
                done.accept(c);
            }
        }));
        return JobStart.STARTED;
    }

    /**
     * Calibrates if needed, builds the integer model {@code config} and evaluates it on {@code subset} (and the
     * fp32 model too when {@code withFp32}); then {@code done} with the request and its outcome.
     */
    public JobStart runIntegerModel(String title, IntegerVggConfig config, TestSubset subset, boolean withFp32,
            BiConsumer<IntegerRuns.Request, IntegerRuns.Outcome> done) {
        JobStart s = check();
        if (s != JobStart.STARTED) {
            return s;
        }
        StateDict w = weights;
        IntegerRuns.Request r = new IntegerRuns.Request(w, services.data().currentRoot(), config,
                calibrationImages.get(), method.get(), config.activationBits(), subset, withFp32);
        Job<IntegerRuns.Outcome> j = services.jobs().submit(title,
                IntegerRuns.work(services.integerModels(), services.data(), services.evaluation(), r), o -> {
                    if (w == weights) {
                        if (isCurrent(w, o.calibration())) {
                            calibration.set(o.calibration());
                        }
                        done.accept(r, o);
                    }
                });
        job.track(j);
        return JobStart.STARTED;
    }

    /**
     * Runs the integer model {@code config} on {@code subset} once per way of taking activation ranges, from one
     * calibration pass ({@link IntegerRuns#everyMethod}); then {@code done} with the request and the outcomes, one per
     * method. The calibration shown becomes the one of the method chosen.
     */
    public JobStart runEveryMethod(String title, IntegerVggConfig config, TestSubset subset,
            BiConsumer<IntegerRuns.Request, List<IntegerRuns.Outcome>> done) {
        JobStart s = check();
        if (s != JobStart.STARTED) {
            return s;
        }
        StateDict w = weights;
        IntegerRuns.Request r = new IntegerRuns.Request(w, services.data().currentRoot(), config,
                calibrationImages.get(), method.get(), config.activationBits(), subset, false);
        Job<List<IntegerRuns.Outcome>> j = services.jobs().submit(title,
                IntegerRuns.everyMethod(services.integerModels(), services.data(), r), outcomes -> {
                    if (w != weights) {
                        return;
                    }
                    outcomes.stream().filter(o -> isCurrent(w, o.calibration())).findFirst()
                            .ifPresent(o -> calibration.set(o.calibration()));
                    done.accept(r, outcomes);
                });
        job.track(j);
        return JobStart.STARTED;
    }

    /** Whether {@code c}, made for {@code w}, still fits: the same weights, number of images and method. */
    private boolean isCurrent(StateDict w, Calibration c) {
        return w == weights && fits(c);
    }

    private boolean fits(Calibration c) {
        return c.images() == calibrationImages.get() && c.method() == method.get()
                && (!c.method().dependsOnBits() || c.bits() == activationBits.get());
    }

    /** How ranges are taken from the calibration images (the lesson: min/max). */
    public ObjectProperty<RangeMethod> method() {
        return method;
    }

    /** The activation bit width MSE and entropy ranges aim at. */
    public IntegerProperty activationBits() {
        return activationBits;
    }

    public IntegerProperty calibrationImages() {
        return calibrationImages;
    }

    public ReadOnlyObjectProperty<Calibration> calibration() {
        return calibration.getReadOnlyProperty();
    }
}
