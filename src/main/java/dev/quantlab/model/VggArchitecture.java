package dev.quantlab.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The lesson's VGG for CIFAR-10: layer config {@code 64,128,M,256,256,M,512,512,M,512,512,M}, each number a
 * bias-free 3x3 conv (padding 1) followed by BatchNorm and ReLU, {@code M} a 2x2 max-pool, then a 2x2
 * average pool, flatten and {@code Linear(512 -> 10)}. Parameter names follow the reference PyTorch model.
 */
public final class VggArchitecture {
    /** One entry of the layer config: a conv with this many output channels, or a max-pool. */
    public record Stage(boolean isPool, int channels) { }

    /** A named tensor the model needs, with its shape and whether it counts as a parameter. */
    public record TensorSpec(String name, long[] shape, Kind kind) {
        public long numel() {
            return Shapes.numel(shape);
        }
    }

    /** What a tensor is, which decides how quantization and size accounting treat it. */
    public enum Kind { CONV_WEIGHT, BN_WEIGHT, BN_BIAS, BN_RUNNING_MEAN, BN_RUNNING_VAR, BN_COUNT, FC_WEIGHT, FC_BIAS;
        /** Learnable parameters count towards the model size; running statistics do not. */
        public boolean isParameter() {
            return this != BN_RUNNING_MEAN && this != BN_RUNNING_VAR && this != BN_COUNT;
        }

        /** Tensors with more than one dimension: the ones k-means and linear quantization replace. */
        public boolean isWeightMatrix() {
            return this == CONV_WEIGHT || this == FC_WEIGHT;
        }
    }

    public static final int NUM_CLASSES = 10;
    public static final int IMAGE_SIZE = 32;
    public static final double BN_EPS = 1e-5;

    private static final int[] CONFIG = {64, 128, -1, 256, 256, -1, 512, 512, -1, 512, 512, -1};

    private static final VggArchitecture CIFAR = new VggArchitecture(CONFIG);

    private final List<Stage> stages;
    private final List<TensorSpec> tensors;
    private final int convCount;
    private final int lastChannels;

    private VggArchitecture(int[] config) {
        List<Stage> s = new ArrayList<>();
        List<TensorSpec> t = new ArrayList<>();
        int in = 3;
        int conv = 0;
        for (int c : config) {
            if (c < 0) {
                s.add(new Stage(true, in));
                continue;
            }
            s.add(new Stage(false, c));
            t.add(new TensorSpec(convWeight(conv), new long[] {c, in, 3, 3}, Kind.CONV_WEIGHT));
            String bn = "backbone.bn" + conv + ".";
            t.add(new TensorSpec(bn + "weight", new long[] {c}, Kind.BN_WEIGHT));
            t.add(new TensorSpec(bn + "bias", new long[] {c}, Kind.BN_BIAS));
            t.add(new TensorSpec(bn + "running_mean", new long[] {c}, Kind.BN_RUNNING_MEAN));
            t.add(new TensorSpec(bn + "running_var", new long[] {c}, Kind.BN_RUNNING_VAR));
            t.add(new TensorSpec(bn + "num_batches_tracked", new long[0], Kind.BN_COUNT));
            in = c;
            conv++;
        }
        t.add(new TensorSpec("classifier.weight", new long[] {NUM_CLASSES, in}, Kind.FC_WEIGHT));
        t.add(new TensorSpec("classifier.bias", new long[] {NUM_CLASSES}, Kind.FC_BIAS));
        this.stages = Collections.unmodifiableList(s);
        this.tensors = Collections.unmodifiableList(t);
        this.convCount = conv;
        this.lastChannels = in;
    }

    /** The lesson's VGG. */
    public static VggArchitecture cifarVgg() {
        return CIFAR;
    }

    public static String convWeight(int i) {
        return "backbone.conv" + i + ".weight";
    }

    public static String bnPrefix(int i) {
        return "backbone.bn" + i + ".";
    }

    public List<Stage> stages() {
        return stages;
    }

    public List<TensorSpec> tensors() {
        return tensors;
    }

    public int convCount() {
        return convCount;
    }

    public int lastChannels() {
        return lastChannels;
    }

    public TensorSpec spec(String name) {
        return tensors.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no tensor " + name));
    }

    /** Tensors that k-means and linear quantization replace: the 8 conv weights and the FC weight. */
    public List<TensorSpec> weightMatrices() {
        return tensors.stream().filter(s -> s.kind().isWeightMatrix()).toList();
    }

    /** Learnable parameters: conv and FC weights, BN gamma/beta, FC bias (9,228,362 for the lesson's VGG). */
    public long parameterCount() {
        return tensors.stream().filter(s -> s.kind().isParameter()).mapToLong(TensorSpec::numel).sum();
    }

    /** Multiply-accumulates of one forward pass on a 32x32 image (convs and the classifier). */
    public long macsPerImage() {
        long macs = 0;
        int size = IMAGE_SIZE;
        int in = 3;
        for (Stage s : stages) {
            if (s.isPool()) {
                size /= 2;
            } else {
                macs += (long) size * size * s.channels() * in * 9;
                in = s.channels();
            }
        }
        return macs + (long) in * NUM_CLASSES;
    }
}
