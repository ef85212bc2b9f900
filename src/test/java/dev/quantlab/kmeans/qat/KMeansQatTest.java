package dev.quantlab.kmeans.qat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.CancelledException;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.kmeans.BitWidthPlan;
import dev.quantlab.kmeans.CentroidUpdate;
import dev.quantlab.kmeans.Init;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggNet;
import dev.quantlab.testing.Cifar10;
import dev.quantlab.train.TrainingListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag(Cifar10.TAG)
class KMeansQatTest {
    private static CifarSplit small;

    @BeforeAll
    static void load() {
        small = Cifar10.firstTestImages(64);
    }

    private static QatConfig tiny(UpdateRule rule, double threshold) {
        return QatConfig.builder().epochs(1).threshold(threshold).lr(0.01).momentum(0.9).weightDecay(0.0).batchSize(32)
                .rule(rule).epochFraction(1.0).evalLimit(20).seed(1).bnRecalibrationImages(0).build();
    }

    /** On a tiny model W = C[labels], autograd's dL/dC equals the sum rule applied to dL/dW. */
    @Test
    void centroidGradientIsTheSumOfItsMembersGradients() {
        int[] labels = {0, 2, 1, 2, 0, 0, 1, 2};
        float[] centroids = {-0.5f, 0.1f, 0.7f};
        float[] x = {0.3f, -1.2f, 2.0f, 0.5f, -0.4f, 1.1f, 0.9f, -2.2f};
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray c = m.create(centroids);
            c.setRequiresGradient(true);
            NDArray w = m.create(CentroidUpdate.decode(centroids, labels));
            w.setRequiresGradient(true);
            NDArray xs = m.create(x);
            NDArray idx = m.create(Arrays.stream(labels).asLongStream().toArray());
            float[] viaCentroids;
            float[] viaWeights;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray wc = c.get(idx);
                NDArray loss = wc.mul(xs).tanh().sum();
                gc.backward(loss);
                viaCentroids = c.getGradient().toFloatArray();
            }
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = w.mul(xs).tanh().sum();
                gc.backward(loss);
                viaWeights = w.getGradient().toFloatArray();
            }
            assertArrayEquals(viaCentroids, CentroidUpdate.centroidGradient(viaWeights, labels, 3), 1e-5f);
        }
    }

    @Test
    void qatKeepsEveryLayerOnItsCodebookAndNeverTouchesTheFp32Weights() {
        StateDict fp32 = VggNet.initialWeights(21);
        StateDict pristine = fp32.copy();
        for (UpdateRule rule : UpdateRule.values()) {
            List<String> log = new ArrayList<>();
            QatListener listener = QatListener.of(new TrainingListener() {
                @Override
                public void onMessage(String line) {
                    log.add(line);
                }
            });
            QatResult r;
            try (NDManager m = NDManager.newBaseManager()) {
                r = new KMeansQat(tiny(rule, 0.5), Init.LINEAR, listener, CancellationToken.none())
                        .run(m, fp32, 100.0, BitWidthPlan.uniform(2), true, small, small);
            }
            assertTrue(r.trained(), rule + ": a random model is far below 100%, so QAT must run");
            assertEquals(1, r.epochAccuracies().size());
            assertEquals("k-means quantizing model into 2 bits", log.get(0));
            assertEquals("    2-bit k-means quantized model has size=2.20 MiB", log.get(1));
            assertTrue(log.get(2).matches("    2-bit k-means quantized model has accuracy=\\d+\\.\\d\\d% before "
                    + "quantization-aware training"), log.get(2));
            assertTrue(log.get(3).startsWith("Quantization-aware training due to accuracy drop="), log.get(3));
            assertTrue(log.get(4).matches("Epoch 0 Accuracy \\d+\\.\\d\\d% / Best Accuracy: \\d+\\.\\d\\d%"), log.get(4));
            for (String layer : List.of("backbone.conv0.weight", "backbone.conv7.weight", "classifier.weight")) {
                Set<Float> distinct = new HashSet<>();
                for (float v : r.bestWeights().get(layer).values()) {
                    distinct.add(v);
                }
                assertTrue(distinct.size() <= 4, rule + " " + layer + " has " + distinct.size() + " values");
            }
            for (String k : fp32.asMap().keySet()) {
                assertArrayEquals(pristine.get(k).values(), fp32.get(k).values(), k);
            }
        }
    }

    @Test
    void smallDropSkipsTrainingWithTheLessonsSentence() {
        List<String> log = new ArrayList<>();
        QatListener listener = QatListener.of(new TrainingListener() {
            @Override
            public void onMessage(String line) {
                log.add(line);
            }
        });
        try (NDManager m = NDManager.newBaseManager()) {
            QatResult r = new KMeansQat(tiny(UpdateRule.MEAN, 100.0), Init.LINEAR, listener, CancellationToken.none())
                    .run(m, VggNet.initialWeights(2), 50.0, BitWidthPlan.uniform(8), true, small, small);
            assertFalse(r.trained());
        }
        assertTrue(log.get(3).matches("No need for quantization-aware training since accuracy drop=-?\\d+\\.\\d\\d% is "
                + "smaller than threshold=100\\.00%"), log.get(3));
    }

    @Test
    void listenersHearTheAccuracyBeforeQat() {
        List<Double> heard = new ArrayList<>();
        QatListener listener = new QatListener() {
            @Override
            public void onQuantized(double accuracyBefore) {
                heard.add(accuracyBefore);
            }
        };
        try (NDManager m = NDManager.newBaseManager()) {
            QatResult r = new KMeansQat(tiny(UpdateRule.MEAN, 100.0), Init.LINEAR, listener, CancellationToken.none())
                    .run(m, VggNet.initialWeights(2), 50.0, BitWidthPlan.uniform(4), false, small, small);
            assertEquals(List.of(r.accuracyBefore()), heard);
        }
    }

    @Test
    void cancelStopsQat() {
        CancellationToken cancel = new CancellationToken();
        QatListener listener = new QatListener() {
            @Override
            public void onStep(dev.quantlab.train.StepResult step) {
                cancel.cancel();
            }
        };
        try (NDManager m = NDManager.newBaseManager()) {
            assertThrows(CancelledException.class, () -> new KMeansQat(tiny(UpdateRule.MEAN, 0.5), Init.LINEAR, listener,
                    cancel).run(m, VggNet.initialWeights(2), 100.0, BitWidthPlan.uniform(2), true, small, small));
        }
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> QatConfig.builder().epochs(0).build());
        assertThrows(IllegalArgumentException.class, () -> QatConfig.builder().epochFraction(1.5).build());
        assertThrows(IllegalArgumentException.class, () -> BitWidthPlan.uniform(9));
    }
}
