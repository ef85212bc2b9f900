package dev.quantlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link SgdOptimizer} against PyTorch's {@code torch.optim.SGD} (dampening 0), on two 2-element parameters:
 * {@code w = [1, -2]} (weight decay 0.1) and {@code b = [0.5, 0.25]} (no decay), over three steps whose loss is
 * {@code sum(c_t * w) + sum(c_t * b)}, so the gradient of both is {@code c_t}:
 * {@code c_1 = [0.5, -1]}, {@code c_2 = [1, 0]}, {@code c_3 = [-0.5, 2]}.
 *
 * <p>PyTorch's update, per element: {@code g = grad + wd*w} (coupled decay), {@code buf = g} on the first step
 * else {@code m*buf + g}, {@code step = nesterov ? g + m*buf : buf}, {@code w -= lr*step}. The expected values
 * are worked out by hand below for {@code w[0]} and were all checked once with PyTorch 1.13 (Debian's
 * python3-torch): the loop above with {@code torch.optim.SGD([{'params': [w], 'weight_decay': 0.1},
 * {'params': [b], 'weight_decay': 0.0}], lr=0.1, momentum=m, dampening=0, nesterov=n)}; its float32 results are
 * the numbers written here (9 significant digits).
 */
class SgdOptimizerTest {
    private static final float[][] GRADIENTS = {{0.5f, -1f}, {1f, 0f}, {-0.5f, 2f}};
    private static final float TOLERANCE = 2e-6f;

    /** The weights after each of the three steps: {w after step t, b after step t}. */
    private static float[][][] run(double momentum, boolean nesterov, double... lrs) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {1f, -2f});
            NDArray b = m.create(new float[] {0.5f, 0.25f});
            w.setRequiresGradient(true);
            b.setRequiresGradient(true);
            Map<String, NDArray> params = new LinkedHashMap<>();
            params.put("w", w);
            params.put("b", b);
            SgdOptimizer opt = new SgdOptimizer(m, momentum, nesterov, 0.1, List.of("w"));
            float[][][] after = new float[GRADIENTS.length][][];
            for (int t = 0; t < GRADIENTS.length; t++) {
                try (NDManager step = m.newSubManager()) {
                    NDArray c = step.create(GRADIENTS[t]);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        gc.backward(w.mul(c).sum().add(b.mul(c).sum()));
                    }
                }
                opt.step(params, lrs[t]);
                after[t] = new float[][] {w.toFloatArray(), b.toFloatArray()};
            }
            return after;
        }
    }

    private static void assertSteps(float[][][] expected, float[][][] actual) {
        for (int t = 0; t < expected.length; t++) {
            assertArrayEquals(expected[t][0], actual[t][0], TOLERANCE, "w after step " + (t + 1));
            assertArrayEquals(expected[t][1], actual[t][1], TOLERANCE, "b after step " + (t + 1));
        }
    }

    /**
     * Momentum 0.9, lr 0.1, w[0]: step 1: g = 0.5 + 0.1*1 = 0.6, buf = 0.6, w = 1 - 0.06 = 0.94; step 2:
     * g = 1 + 0.1*0.94 = 1.094, buf = 0.9*0.6 + 1.094 = 1.634, w = 0.94 - 0.1634 = 0.7766; step 3:
     * g = -0.5 + 0.07766 = -0.42234, buf = 0.9*1.634 - 0.42234 = 1.04826, w = 0.7766 - 0.104826 = 0.671774.
     * b[1] (no decay): buf = -1, b = 0.35; buf = -0.9, b = 0.44; buf = 2 - 0.81 = 1.19, b = 0.321.
     */
    @Test
    void momentumWithCoupledWeightDecayMatchesPyTorch() {
        assertSteps(new float[][][] {
            {{0.939999998f, -1.88f}, {0.449999988f, 0.349999994f}},
            {{0.776600003f, -1.75319993f}, {0.304999977f, 0.439999998f}},
            {{0.67177403f, -1.82154799f}, {0.224499971f, 0.32099998f}},
        }, run(0.9, false, 0.1, 0.1, 0.1));
    }

    /**
     * Nesterov, momentum 0.9, lr 0.1, w[0]: step 1: g = 0.6, buf = 0.6, step = 0.6 + 0.9*0.6 = 1.14,
     * w = 1 - 0.114 = 0.886; step 2: g = 1 + 0.0886 = 1.0886, buf = 0.54 + 1.0886 = 1.6286,
     * step = 1.0886 + 0.9*1.6286 = 2.55434, w = 0.886 - 0.255434 = 0.630566; step 3: g = -0.5 + 0.0630566 =
     * -0.4369434, buf = 1.46574 - 0.4369434 = 1.0287966, step = -0.4369434 + 0.92591694 = 0.48897354,
     * w = 0.630566 - 0.048897354 = 0.581668646.
     */
    @Test
    void nesterovMatchesPyTorch() {
        assertSteps(new float[][][] {
            {{0.885999978f, -1.77199996f}, {0.405000001f, 0.439999998f}},
            {{0.630565941f, -1.641132f}, {0.174499989f, 0.520999968f}},
            {{0.581668556f, -1.88811731f}, {0.152049989f, 0.213899955f}},
        }, run(0.9, true, 0.1, 0.1, 0.1));
    }

    /**
     * No momentum: plain {@code w -= lr*(grad + wd*w)}. w[0]: 1 - 0.1*0.6 = 0.94; 0.94 - 0.1*(1 + 0.094) =
     * 0.8306; 0.8306 - 0.1*(-0.5 + 0.08306) = 0.872294. b[0]: 0.45, 0.35, 0.40.
     */
    @Test
    void withoutMomentumItIsPlainSgdWithDecay() {
        assertSteps(new float[][][] {
            {{0.939999998f, -1.88f}, {0.449999988f, 0.349999994f}},
            {{0.830600023f, -1.86119998f}, {0.349999994f, 0.349999994f}},
            {{0.872294009f, -2.042588f}, {0.400000006f, 0.149999991f}},
        }, run(0.0, false, 0.1, 0.1, 0.1));
    }

    /**
     * The learning rate scales the step, not the buffer (PyTorch keeps lr out of the momentum): with lrs 0.1,
     * 0.05, 0.2 the buffers are those of the first test, w[0]: 0.94 - 0.05*(0.9*0.6 + 1 + 0.094) = 0.8583.
     */
    @Test
    void aChangingLearningRateScalesOnlyTheStep() {
        assertSteps(new float[][][] {
            {{0.939999998f, -1.88f}, {0.449999988f, 0.349999994f}},
            {{0.858299971f, -1.81659997f}, {0.377499998f, 0.394999981f}},
            {{0.647013962f, -1.95202792f}, {0.216499984f, 0.156999961f}},
        }, run(0.9, false, 0.1, 0.05, 0.2));
    }

    /** The gradient is zeroed after a step, so a step with no new gradient moves by the momentum only. */
    @Test
    void aStepZeroesTheGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {1f});
            w.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(w.mul(3f).sum());
            }
            SgdOptimizer opt = new SgdOptimizer(m, 0.5, false, 0.0, List.of());
            opt.step(Map.of("w", w), 0.1);
            try (NDArray g = w.getGradient()) {
                assertEquals(0f, g.toFloatArray()[0]);
            }
            assertEquals(0.7f, w.toFloatArray()[0], TOLERANCE, "1 - 0.1*3");
            opt.step(Map.of("w", w), 0.1);
            assertEquals(0.55f, w.toFloatArray()[0], TOLERANCE, "buf = 0.5*3 + 0 = 1.5; 0.7 - 0.15");
        }
    }
}
