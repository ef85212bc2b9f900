package dev.quantlab.app.services;

import ai.djl.ndarray.NDManager;
import dev.quantlab.app.jobs.StagedProgress;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.data.CifarDataset;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.eval.EvalResult;
import dev.quantlab.eval.Evaluator;
import dev.quantlab.linear.ActivationRanges;
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

    private record CalibrationKey(Path root, int images) { }

    /** Told about every new calibration (on the worker thread that made it). */
    public interface CalibrationListener {
        void calibrated(StateDict fp32, Path root, Calibration calibration);
    }

    private StateDict weights;
    private FoldedVgg folded;
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

    /** The calibration of {@code fp32} on {@code images} training images under {@code root}, if already done. */
    public synchronized java.util.Optional<Calibration> calibration(StateDict fp32, Path root, int images) {
        use(fp32);
        return java.util.Optional.ofNullable(calibrations.get(new CalibrationKey(root, images)));
    }

    /**
     * Calibrates activation ranges on {@code images} augmented training images (the lesson: one batch of 512),
     * or returns the remembered calibration.
     */
    public Calibration calibrate(StateDict fp32, Path root, int images, ProgressListener progress,
                                 CancellationToken cancel) {
        java.util.Optional<Calibration> known = calibration(fp32, root, images);
        if (known.isPresent()) {
            return known.get();
        }
        long t0 = System.nanoTime();
        StagedProgress stages = new StagedProgress(progress, 2);
        stages.stage(0, "training images").onProgress(0, 1, "reading the CIFAR-10 training set");
        CifarSplit train = CifarDataset.train(root);
        cancel.throwIfCancelled();
        FoldedVgg f = folded(fp32);
        ActivationRanges ranges;
        try (NDManager manager = NDManager.newBaseManager(); VggNet net = VggNet.fromStateDict(manager, fp32)) {
            ranges = ActivationCalibrator.calibrate(manager, net, train, settings(images),
                    stages.stage(1, "calibration"), cancel);
        }
        Calibration c = new Calibration(f, ranges, images, (System.nanoTime() - t0) / 1e9);
        boolean current;
        synchronized (this) {
            current = weights == fp32;
            if (current) {
                calibrations.put(new CalibrationKey(root, images), c);
            }
        }
        if (current) {
            listeners.forEach(l -> l.calibrated(fp32, root, c));
        }
        return c;
    }

    /** The lesson's calibration with {@code images} images in one batch, min/max ranges, seed 0. */
    public static ActivationCalibrator.Settings settings(int images) {
        return new ActivationCalibrator.Settings(1, images, 100.0, 0);
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
            calibrations.clear();
            models.clear();
            modelsOf = null;
        }
    }
}
