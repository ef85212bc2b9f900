package dev.quantlab.linear.pipeline;

import ai.djl.ndarray.NDManager;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.eval.EvalResult;
import dev.quantlab.eval.Evaluator;
import dev.quantlab.linear.ActivationRanges;
import dev.quantlab.linear.FoldedVgg;
import dev.quantlab.linear.IntegerVgg;
import dev.quantlab.linear.IntegerVggConfig;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggNet;

/**
 * Steps 5-6 of the lesson end to end: fold BatchNorm into the convs, calibrate activation ranges on training
 * images, build the integer-only VGG and measure it. The fp32 state dict is only read.
 */
public final class LinearExperiment {
    private final ActivationCalibrator.Settings calibration;
    private final CancellationToken cancel;

    /** The integer model and what it took to build it. */
    public record Built(FoldedVgg folded, ActivationRanges ranges, IntegerVgg model, double seconds) { }

    public LinearExperiment(ActivationCalibrator.Settings calibration, CancellationToken cancel) {
        this.calibration = calibration;
        this.cancel = cancel;
    }

    public Built build(NDManager parent, StateDict fp32, CifarSplit train, IntegerVggConfig config,
            ProgressListener progress) {
        long t0 = System.nanoTime();
        FoldedVgg folded = FoldedVgg.fromStateDict(fp32);
        ActivationRanges ranges;
        try (VggNet net = VggNet.fromStateDict(parent, fp32)) {
            ranges = ActivationCalibrator.calibrate(parent, net, train, calibration, progress, cancel);
        }
        IntegerVgg model = IntegerVgg.build(folded, ranges, config);
        return new Built(folded, ranges, model, (System.nanoTime() - t0) / 1e9);
    }

    /** Accuracy of the integer model on a class-balanced subset ({@code limit <= 0}: all). */
    public EvalResult evaluate(IntegerVgg model, CifarSplit test, int limit, ProgressListener progress) {
        return new Evaluator(100).evaluate(new IntegerPredictor(model), test, limit, progress, cancel);
    }

    /** Accuracy of the BN-folded model in fp32 (equal to the unfolded one up to float rounding). */
    public EvalResult evaluateFolded(NDManager parent, FoldedVgg folded, CifarSplit test, int limit,
            ProgressListener progress) {
        try (FoldedFloatNet net = new FoldedFloatNet(parent, folded)) {
            return new Evaluator().evaluate(parent, net, test, limit, progress, cancel);
        }
    }
}
