package dev.quantlab.shipped;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.data.CifarBinaryReader;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.eval.BatchPredictor;
import dev.quantlab.eval.EvalResult;
import dev.quantlab.eval.Evaluator;
import dev.quantlab.linear.FoldedVgg;
import dev.quantlab.linear.IntegerVggConfig;
import dev.quantlab.linear.pipeline.ActivationCalibrator;
import dev.quantlab.linear.pipeline.FoldedFloatNet;
import dev.quantlab.linear.pipeline.LinearExperiment;
import dev.quantlab.model.ModelFiles;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggNet;
import dev.quantlab.testing.Cifar10;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The model that ships in models/: it is the file its model card describes, a trained VGG (on a test subset, not
 * the full-test-set benchmark), BatchNorm folding keeps its predictions and its int8 integer-only model agrees.
 */
@Tag(Cifar10.TAG)
class ShippedModelTest {
    private static final Path MODEL = Path.of(ModelFiles.SHIPPED);
    private static final int IMAGES = 200;
    /** The integer-only model runs at ~25 img/s on 2 cores. */
    private static final int INTEGER_IMAGES = 100;
    private static CifarSplit test;
    private static StateDict weights;

    @BeforeAll
    static void load() {
        test = CifarBinaryReader.readTest(Cifar10.binFolder());
        weights = ModelFiles.load(MODEL);
    }

    /** The predicted class of every image, one batch of 100 at a time. */
    private static int[] predictions(BatchPredictor model, int[] images) {
        int[] out = new int[images.length];
        for (int from = 0; from < images.length; from += 100) {
            int n = Math.min(100, images.length - from);
            System.arraycopy(model.predict(test, images, from, n), 0, out, from, n);
        }
        return out;
    }

    @Test
    void isTheFileItsModelCardDescribes() throws Exception {
        String card = Files.readString(Path.of("models", "MODEL_CARD.md"));
        Matcher m = Pattern.compile("sha256 \\| `([0-9a-f]{64})`").matcher(card);
        assertTrue(m.find(), "the model card states the sha256");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(MODEL));
        assertEquals(m.group(1), HexFormat.of().formatHex(digest));
    }

    @Test
    void isTrainedAndBatchNormFoldingKeepsEveryPrediction() {
        try (NDManager m = NDManager.newBaseManager(); VggNet net = VggNet.fromStateDict(m, weights)) {
            EvalResult fp32 = new Evaluator(100).evaluate(m, Evaluator.of(net), test, IMAGES, ProgressListener.NONE,
                    CancellationToken.none());
            assertTrue(fp32.accuracyPercent() >= 88, "fp32 accuracy on " + IMAGES + " test images: " + fp32);
            LinearExperiment exp = new LinearExperiment(new ActivationCalibrator.Settings(1, 100, 100, 0),
                    CancellationToken.none());
            int[] images = test.balancedIndices(IMAGES);
            Evaluator batches = new Evaluator(100);
            int[] fp32Predictions = predictions(batches.floatBatches(m, Evaluator.of(net)), images);
            int[] foldedPredictions;
            try (FoldedFloatNet folded = new FoldedFloatNet(m, FoldedVgg.fromStateDict(weights))) {
                foldedPredictions = predictions(batches.floatBatches(m, folded), images);
            }
            assertArrayEquals(fp32Predictions, foldedPredictions, "BatchNorm folding changes no image's prediction");
            CifarSplit train = CifarBinaryReader.readTrain(Cifar10.binFolder());
            LinearExperiment.Built int8 = exp.build(m, weights, train, IntegerVggConfig.lesson(), ProgressListener.NONE);
            EvalResult fp32Few = new Evaluator(100).evaluate(m, Evaluator.of(net), test, INTEGER_IMAGES,
                    ProgressListener.NONE, CancellationToken.none());
            EvalResult integer = exp.evaluate(int8.model(), test, INTEGER_IMAGES, ProgressListener.NONE);
            assertEquals(fp32Few.accuracyPercent(), integer.accuracyPercent(), 2.0,
                    "int8 integer-only vs fp32 on " + INTEGER_IMAGES + " images");
        }
    }
}
