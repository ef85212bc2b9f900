package dev.quantlab.app.services;

import ai.djl.ndarray.NDManager;
import dev.quantlab.app.jobs.StagedProgress;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.data.CifarDataset;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.eval.EvalResult;
import dev.quantlab.eval.Evaluator;
import dev.quantlab.linear.FoldedVgg;
import dev.quantlab.linear.IntegerVgg;
import dev.quantlab.linear.IntegerVggConfig;
import dev.quantlab.linear.pipeline.ActivationCalibrator;
import dev.quantlab.linear.pipeline.IntegerPredictor;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggNet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The integer-only models of one set of fp32 weights, for worker threads: folds BatchNorm once, calibrates the
 * activation ranges on training images (remembered per data folder and number of images), and builds an
 * {@link IntegerVgg} per configuration (remembered, so switching options back and forth is instant). Replacing
 * the weights forgets everything. The fp32 weights are only read.
 */
public final class IntegerModels {
    /** Test images per evaluation batch: progress and cancellation about once a second at ~20 img/s. */
    public static final int EVAL_BATCH = 20;

    private record ObservationKey(Path root, int images) { }

    private record CalibrationKey(Path root, int images, RangeMethod method, int bits) {
        CalibrationKey {
            bits = method.dependsOnBits() ? bits : 8;
        }
    }

    /** Told about every new calibration (on the worker thread that made it). */
    public interface CalibrationListener {
        void calibrated(StateDict fp32, Path root, Calibration calibration);
    }

    private StateDict weights;
    private FoldedVgg folded;
    private final Map<ObservationKey, ActivationObservation> observations = new ConcurrentHashMap<>();
    private final Map<CalibrationKey, Calibration> calibrations = new ConcurrentHashMap<>();
    private final Map<IntegerVggConfig, IntegerVgg> models = new ConcurrentHashMap<>();
    private Calibration modelsOf;
    private final List<CalibrationListener> listeners = new CopyOnWriteArrayList<>();

    /** Adds a listener for new calibrations (so that a tab can use what another tab calibrated). */
    public void addCalibrationListener(CalibrationListener l) {
        listeners.add(l);
    }

    /** The BN-folded weights of {@code fp32} (folded on first use). */
    public synchronized FoldedVgg folded(StateDict fp32) {
        use(fp32);
        if (folded == null) {
            folded = FoldedVgg.fromStateDict(fp32);
        }
        return folded;
    }

    /** The lesson's min/max calibration of {@code fp32} on {@code images} training images, if already done. */
    public java.util.Optional<Calibration> calibration(StateDict fp32, Path root, int images) {
        return calibration(fp32, root, images, RangeMethod.MIN_MAX, 8);
    }

    /** The calibration by {@code method} (for {@code bits}-bit activations), if already done. */
    public synchronized java.util.Optional<Calibration> calibration(StateDict fp32, Path root, int images,
                                                                    RangeMethod method, int bits) {
        use(fp32);
        return java.util.Optional.ofNullable(calibrations.get(new CalibrationKey(root, images, method, bits)));
    }

    /** The lesson's calibration: min/max ranges on {@code images} augmented training images (one batch of 512). */
    public Calibration calibrate(StateDict fp32, Path root, int images, ProgressListener progress,
                                 CancellationToken cancel) {
        return calibrate(fp32, root, images, RangeMethod.MIN_MAX, 8, progress, cancel);
    }

    /**
     * Calibrates activation ranges on {@code images} augmented training images with {@code method} (for
     * {@code bits}-bit activations), or returns the remembered calibration. One pass over the images records a
     * histogram per point; every method's ranges are then taken from it without running the images again.
     */
    public Calibration calibrate(StateDict fp32, Path root, int images, RangeMethod method, int bits,
                                 ProgressListener progress, CancellationToken cancel) {
        java.util.Optional<Calibration> known = calibration(fp32, root, images, method, bits);
        if (known.isPresent()) {
            return known.get();
        }
        long t0 = System.nanoTime();
        ActivationObservation seen = observe(fp32, root, images, progress, cancel);
        FoldedVgg f = folded(fp32);
        int b = method.dependsOnBits() ? bits : 8;
        Calibration c = new Calibration(f, seen.ranges(method, b), images, (System.nanoTime() - t0) / 1e9, method, b,
                seen);
        boolean current;
        synchronized (this) {
            current = weights == fp32;
            if (current) {
                calibrations.put(new CalibrationKey(root, images, method, b), c);
            }
        }
        if (current) {
            listeners.forEach(l -> l.calibrated(fp32, root, c));
        }
        return c;
    }

    private ActivationObservation observe(StateDict fp32, Path root, int images, ProgressListener progress,
                                          CancellationToken cancel) {
        ObservationKey key = new ObservationKey(root, images);
        synchronized (this) {
            use(fp32);
            ActivationObservation known = observations.get(key);
            if (known != null) {
                return known;
            }
        }
        StagedProgress stages = new StagedProgress(progress, 2);
        stages.stage(0, "training images").onProgress(0, 1, "reading the CIFAR-10 training set");
        CifarSplit train = CifarDataset.train(root);
        cancel.throwIfCancelled();
        ActivationObservation seen;
        try (NDManager manager = NDManager.newBaseManager(); VggNet net = VggNet.fromStateDict(manager, fp32)) {
            seen = new ActivationObservation(ActivationCalibrator.observe(manager, net, train,
                    RangeMethod.MIN_MAX.settings(images, 8), true, stages.stage(1, "calibration"), cancel), images);
        }
        synchronized (this) {
            if (weights == fp32) {
                observations.put(key, seen);
            }
        }
        return seen;
    }

    /** The integer model of {@code calibration} built with {@code config} (remembered per configuration). */
    public synchronized IntegerVgg build(Calibration calibration, IntegerVggConfig config) {
        if (calibration != modelsOf) {
            models.clear();
            modelsOf = calibration;
        }
        return models.computeIfAbsent(config, c -> IntegerVgg.build(calibration.folded(), calibration.ranges(), c));
    }

    /** Top-1 accuracy and throughput of {@code model} on the first {@code limit} balanced test images (0: all). */
    public static EvalResult evaluate(IntegerVgg model, CifarSplit test, int limit, ProgressListener progress,
                                      CancellationToken cancel) {
        return new Evaluator(EVAL_BATCH).evaluate(new IntegerPredictor(model), test, limit, progress, cancel);
    }

    private void use(StateDict fp32) {
        if (fp32 != weights) {
            weights = fp32;
            folded = null;
            observations.clear();
            calibrations.clear();
            models.clear();
            modelsOf = null;
        }
    }
}
