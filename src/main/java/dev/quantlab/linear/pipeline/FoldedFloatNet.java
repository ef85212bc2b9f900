package dev.quantlab.linear.pipeline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import dev.quantlab.eval.Classifier;
import dev.quantlab.linear.FoldedConv;
import dev.quantlab.linear.FoldedVgg;
import dev.quantlab.model.VggArchitecture;
import java.util.ArrayList;
import java.util.List;

/** The BN-folded VGG in fp32 on DJL (conv with bias, ReLU, pools, linear): shows folding changes nothing. */
public final class FoldedFloatNet implements Classifier, AutoCloseable {
    private static final Shape K2 = new Shape(2, 2);
    private static final Shape ONE = new Shape(1, 1);
    private final NDManager manager;
    private final FoldedVgg folded;
    private final List<NDArray[]> convs = new ArrayList<>();
    private final NDArray fcWeight;
    private final NDArray fcBias;

    public FoldedFloatNet(NDManager parent, FoldedVgg folded) {
        this.manager = parent.newSubManager();
        this.folded = folded;
        for (FoldedConv c : folded.convs()) {
            NDArray w = manager.create(c.weight(), new Shape(c.outChannels(), c.inChannels(), c.kernelSize(), c.kernelSize()));
            convs.add(new NDArray[] {w, manager.create(c.bias())});
        }
        int features = folded.features();
        fcWeight = manager.create(folded.classifierWeight(), new Shape(VggArchitecture.NUM_CLASSES, features));
        fcBias = manager.create(folded.classifierBias());
    }

    @Override
    public int[] predict(NDManager batchManager, NDArray images) {
        NDArray x = images;
        int conv = 0;
        for (VggArchitecture.Stage stage : folded.stages()) {
            if (stage.isPool()) {
                x = Pool.maxPool2d(x, K2, K2, new Shape(0, 0), false);
            } else {
                NDArray[] c = convs.get(conv++);
                x = Activation.relu(Conv2d.conv2d(x, c[0], c[1], ONE, ONE, ONE, 1).singletonOrThrow());
            }
        }
        x = Pool.avgPool2d(x, K2, K2, new Shape(0, 0), false, true);
        x = x.reshape(x.getShape().get(0), folded.features());
        NDArray logits = Linear.linear(x, fcWeight, fcBias).singletonOrThrow();
        return logits.argMax(1).toType(DataType.INT32, false).toIntArray();
    }

    @Override
    public void close() {
        manager.close();
    }
}
