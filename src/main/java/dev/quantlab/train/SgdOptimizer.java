package dev.quantlab.train;

import dev.quantlab.model.GradMode;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * SGD as PyTorch's {@code torch.optim.SGD} with dampening 0: (Nesterov) momentum and <em>coupled</em> weight decay,
 * i.e. the decay is added to the gradient before the momentum (not AdamW-style decoupled), and only for the
 * parameters named in {@code decayedNames} (the trainer leaves BatchNorm and biases out):
 * {@code g = grad + wd*w; buf = g on the first step, else m*buf + g; step = nesterov ? g + m*buf : buf;
 * w -= lr*step}. Gradients are zeroed after each step. Momentum buffers live in the given manager.
 */
public final class SgdOptimizer {
    private final double momentum;
    private final boolean nesterov;
    private final double weightDecay;
    private final Set<String> decayed;
    private final NDManager manager;
    private final Map<String, NDArray> buffers = new LinkedHashMap<>();

    public SgdOptimizer(NDManager manager, double momentum, boolean nesterov, double weightDecay,
            Collection<String> decayedNames) {
        this.manager = manager;
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
        this.decayed = Set.copyOf(decayedNames);
    }

    /** Applies one update to every named parameter from its accumulated gradient, then zeroes the gradient. */
    public void step(Map<String, NDArray> params, double lr) {
        GradMode.offOnThisThread();
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            NDArray w = e.getValue();
            try (NDArray g = w.getGradient()) {
                if (weightDecay > 0 && decayed.contains(e.getKey())) {
                    try (NDArray d = w.mul(weightDecay)) {
                        g.addi(d);
                    }
                }
                if (momentum > 0) {
                    NDArray buf = buffers.get(e.getKey());
                    if (buf == null) {
                        buf = g.duplicate();
                        buf.attach(manager);
                        buffers.put(e.getKey(), buf);
                    } else {
                        buf.muli(momentum).addi(g);
                    }
                    if (nesterov) {
                        try (NDArray m = buf.mul(momentum)) {
                            g.addi(m);
                        }
                    } else {
                        g.subi(g).addi(buf);
                    }
                }
                w.subi(g.muli(lr));
                g.subi(g);
            }
        }
    }

    /** Momentum buffers by parameter name (for checkpoints). */
    public Map<String, NDArray> buffers() {
        return buffers;
    }

    /** Restores a momentum buffer (from a checkpoint). */
    public void setBuffer(String name, float[] values, Shape shape) {
        NDArray old = buffers.remove(name);
        if (old != null) {
            old.close();
        }
        NDArray w = manager.create(values, shape);
        buffers.put(name, w);
    }
}
