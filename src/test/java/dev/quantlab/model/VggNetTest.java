package dev.quantlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VggNetTest {
    @Test
    void forwardGivesTenLogitsPerImageAndObservesEveryLayer() {
        try (NDManager m = NDManager.newBaseManager(); VggNet net = VggNet.initialized(m, 3)) {
            NDArray x = m.randomUniform(0, 1, new Shape(2, 3, 32, 32));
            List<String> points = new ArrayList<>();
            NDArray y = net.forward(x, false, (p, v) -> points.add(p));
            assertEquals(new Shape(2, 10), y.getShape());
            assertEquals(18, points.size());
            assertEquals("backbone.conv0.input", points.get(0));
            assertEquals("classifier.output", points.get(17));
        }
    }

    @Test
    void stateDictRoundTripIsExactAndCopiesAreIndependent() {
        StateDict w = VggNet.initialWeights(5);
        try (NDManager m = NDManager.newBaseManager(); VggNet net = VggNet.fromStateDict(m, w);
                VggNet copy = net.copy(m)) {
            StateDict back = net.toStateDict();
            for (String k : w.asMap().keySet()) {
                assertArrayEquals(w.get(k).values(), back.get(k).values(), k);
            }
            float[] zeros = new float[(int) w.get("classifier.bias").numel()];
            java.util.Arrays.fill(zeros, 7f);
            copy.setValues("classifier.bias", zeros);
            assertEquals(7f, copy.toStateDict().get("classifier.bias").values()[3]);
            assertNotEquals(7f, net.toStateDict().get("classifier.bias").values()[3]);
        }
    }

    @Test
    void trainingModeUpdatesBatchNormStatisticsAndCounter() {
        try (NDManager m = NDManager.newBaseManager(); VggNet net = VggNet.initialized(m, 3)) {
            NDArray x = m.randomUniform(0, 1, new Shape(4, 3, 32, 32));
            net.forward(x, true);
            StateDict sd = net.toStateDict();
            assertEquals(1, sd.get("backbone.bn0.num_batches_tracked").longValue());
            assertNotEquals(0f, sd.get("backbone.bn0.running_mean").values()[0]);
        }
    }
}
