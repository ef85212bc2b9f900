package dev.quantlab.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.quantlab.model.VggNet;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/** Forward, backward and one SGD update of a {@link VggNet} on one batch; shared by training and QAT. */
public final class TrainStep {
    private final VggNet net;
    private final SgdOptimizer optimizer;
    private final double labelSmoothing;
    private final Map<String, NDArray> params = new LinkedHashMap<>();

    /** Loss and correct count of a step. */
    public record Outcome(double loss, int correct) { }

    public TrainStep(VggNet net, SgdOptimizer optimizer, double labelSmoothing) {
        this.net = net;
        this.optimizer = optimizer;
        this.labelSmoothing = labelSmoothing;
        for (String name : net.trainableNames()) {
            NDArray p = net.array(name);
            p.setRequiresGradient(true);
            params.put(name, p);
        }
    }

    public Map<String, NDArray> parameters() {
        return params;
    }

    /**
     * Runs forward and backward on {@code n} images from {@code pixels}, leaving gradients on the parameters;
     * {@link #update} then applies them. Split in two so QAT can rewrite gradients in between.
     */
    public Outcome backward(NDManager batchManager, float[] pixels, int[] labels, int n) {
        NDArray x = batchManager.create(FloatBuffer.wrap(pixels, 0, n * 3072), new Shape(n, 3, 32, 32));
        NDArray y = batchManager.create(labels);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray logits = net.forward(x, true);
            NDArray loss = Losses.crossEntropy(logits, y, labelSmoothing);
            gc.backward(loss);
            int correct = (int) logits.argMax(1).toType(DataType.INT32, false).eq(y).sum().toType(DataType.INT64, false)
                    .getLong();
            return new Outcome(loss.getFloat(), correct);
        }
    }

    public void update(double lr) {
        optimizer.step(params, lr);
    }
}
