package dev.quantlab.linear.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.data.CifarBinaryReader;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.eval.EvalResult;
import dev.quantlab.eval.Evaluator;
import dev.quantlab.linear.ActivationRanges;
import dev.quantlab.linear.IntegerVggConfig;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggNet;
import dev.quantlab.testing.Cifar10;
import dev.quantlab.train.BatchNormRecalibrator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The DJL side of linear quantization on the real VGG structure: folding, calibration, integer model. */
@Tag(Cifar10.TAG)
class LinearPipelineTest {
    private static CifarSplit test;
    private static StateDict weights;

    /** A VGG with non-trivial BatchNorm statistics: fresh weights, BN re-estimated on real images. */
    @BeforeAll
    static void model() {
        test = CifarBinaryReader.readTest(Cifar10.binFolder());
        try (NDManager m = NDManager.newBaseManager(); VggNet net = VggNet.initialized(m, 13)) {
            BatchNormRecalibrator.recalibrate(m, net, test, 128, 64, 1, ProgressListener.NONE, CancellationToken.none());
            weights = net.toStateDict();
        }
    }

    @Test
    void bnFoldingKeepsEveryPrediction() {
        LinearExperiment exp = new LinearExperiment(new ActivationCalibrator.Settings(1, 64, 100, 0),
                CancellationToken.none());
        try (NDManager m = NDManager.newBaseManager(); VggNet net = VggNet.fromStateDict(m, weights)) {
            EvalResult plain = new Evaluator(50).evaluate(m, Evaluator.of(net), test, 100, ProgressListener.NONE,
                    CancellationToken.none());
            EvalResult folded = exp.evaluateFolded(m, dev.quantlab.linear.FoldedVgg.fromStateDict(weights), test, 100,
                    ProgressListener.NONE);
            assertEquals(plain.accuracyPercent(), folded.accuracyPercent(), 0.01);
            for (int c = 0; c < 10; c++) {
                assertEquals(java.util.Arrays.toString(plain.confusion()[c]), java.util.Arrays.toString(folded.confusion()[c]));
            }
        }
    }

    @Test
    void calibrationRecordsEveryLayerAndReluOutputsStartAtZero() {
        try (NDManager m = NDManager.newBaseManager(); VggNet net = VggNet.fromStateDict(m, weights)) {
            ActivationRanges r = ActivationCalibrator.calibrate(m, net, test, new ActivationCalibrator.Settings(1, 64, 100, 0),
                    ProgressListener.NONE, CancellationToken.none());
            assertEquals(18, r.points().size());
            assertEquals(0f, (float) r.output("backbone.conv3").min(), 0f);
            assertTrue(r.input("backbone.conv0").max() <= 1.0 && r.input("backbone.conv0").min() >= 0.0);
            ActivationRanges clipped = ActivationCalibrator.calibrate(m, net, test,
                    new ActivationCalibrator.Settings(1, 64, 99.0, 0), ProgressListener.NONE, CancellationToken.none());
            assertTrue(clipped.output("backbone.conv3").max() < r.output("backbone.conv3").max());
        }
    }

    @Test
    void integerModelAgreesWithFp32OnMostImages() {
        LinearExperiment exp = new LinearExperiment(new ActivationCalibrator.Settings(1, 128, 100, 0),
                CancellationToken.none());
        int[] idx = test.balancedIndices(60);
        try (NDManager m = NDManager.newBaseManager(); VggNet net = VggNet.fromStateDict(m, weights)) {
            LinearExperiment.Built built = exp.build(m, weights, test, IntegerVggConfig.lesson(), ProgressListener.NONE);
            int[] fp = new Evaluator(60).floatBatches(m, Evaluator.of(net)).predict(test, idx, 0, idx.length);
            int[] q = new IntegerPredictor(built.model()).predict(test, idx, 0, idx.length);
            int agree = 0;
            for (int i = 0; i < idx.length; i++) {
                agree += fp[i] == q[i] ? 1 : 0;
            }
            assertTrue(agree >= 50, "int8 agrees with fp32 on " + agree + "/60 images");
        }
    }
}
