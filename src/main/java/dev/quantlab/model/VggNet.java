package dev.quantlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The lesson's VGG on DJL's PyTorch engine, written as a functional forward pass over named
 * arrays so that every tensor keeps its reference PyTorch name. Owns a native memory manager:
 * close it when done.
 */
public final class VggNet implements AutoCloseable {
    private static final Shape K2 = new Shape(2, 2);
    private static final Shape ONE = new Shape(1, 1);
    private static final Shape ZERO = new Shape(0, 0);
    private static final float DJL_BN_MOMENTUM = 0.9f; // PyTorch momentum 0.1

    private final VggArchitecture arch;
    private final NDManager manager;
    private final Map<String, NDArray> arrays = new LinkedHashMap<>();
    private final long[] batchesTracked;

    private VggNet(VggArchitecture arch, NDManager parent) {
        this.arch = arch;
        this.manager = parent.newSubManager();
        this.batchesTracked = new long[arch.convCount()];
    }

    /** A network holding a copy of {@code weights}; names and shapes must match the architecture. */
    public static VggNet fromStateDict(NDManager parent, StateDict weights) {
        VggArchitecture arch = VggArchitecture.cifarVgg();
        StateDictCheck.requireMatches(arch, weights, "weights");
        VggNet net = new VggNet(arch, parent);
        for (VggArchitecture.TensorSpec spec : arch.tensors()) {
            TensorData t = weights.get(spec.name());
            if (spec.kind() == VggArchitecture.Kind.BN_COUNT) {
                net.batchesTracked[bnIndex(spec.name())] = t.longValue();
            } else {
                NDArray a = net.manager.create(t.values(), new Shape(spec.shape()));
                a.setName(spec.name());
                net.arrays.put(spec.name(), a);
            }
        }
        return net;
    }

    /** A freshly initialised network (Kaiming-normal convs, N(0, 0.01) classifier), seeded. */
    public static VggNet initialized(NDManager parent, long seed) {
        return fromStateDict(parent, initialWeights(seed));
    }

    /** Fresh weights as a state dict: Kaiming-normal (fan-out) convs, BN 1/0, classifier N(0, 0.01). */
    public static StateDict initialWeights(long seed) {
        Random rnd = new Random(seed);
        StateDict sd = new StateDict();
        for (VggArchitecture.TensorSpec spec : VggArchitecture.cifarVgg().tensors()) {
            float[] v = new float[(int) spec.numel()];
            switch (spec.kind()) {
                case CONV_WEIGHT -> {
                    double std = Math.sqrt(2.0 / (spec.shape()[0] * 9));
                    for (int i = 0; i < v.length; i++) {
                        v[i] = (float) (rnd.nextGaussian() * std);
                    }
                }
                case FC_WEIGHT -> {
                    for (int i = 0; i < v.length; i++) {
                        v[i] = (float) (rnd.nextGaussian() * 0.01);
                    }
                }
                case BN_WEIGHT, BN_RUNNING_VAR -> Arrays.fill(v, 1f);
                case BN_COUNT -> {
                    sd.put(spec.name(), TensorData.scalarLong(0));
                    continue;
                }
                default -> { }
            }
            sd.put(spec.name(), TensorData.of(v, spec.shape()));
        }
        return sd;
    }

    private static int bnIndex(String name) {
        String rest = name.substring("backbone.bn".length());
        return Integer.parseInt(rest.substring(0, rest.indexOf('.')));
    }

    public VggArchitecture architecture() {
        return arch;
    }

    public NDManager manager() {
        return manager;
    }

    /** The named arrays (all tensors except BN batch counters), in reference order. */
    public Map<String, NDArray> arrays() {
        return Collections.unmodifiableMap(arrays);
    }

    public NDArray array(String name) {
        NDArray a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no tensor " + name);
        }
        return a;
    }

    /** Names of the tensors that gradient descent updates (weights, BN gamma/beta, FC bias). */
    public List<String> trainableNames() {
        return arch.tensors().stream().filter(s -> s.kind().isParameter()).map(VggArchitecture.TensorSpec::name)
                .toList();
    }

    /** Logits for a float batch {@code [N,3,32,32]} in [0,1]; intermediate arrays go to the input's manager. */
    public NDArray forward(NDArray input, boolean training) {
        return forward(input, training, ForwardObserver.NONE);
    }

    public NDArray forward(NDArray input, boolean training, ForwardObserver observer) {
        return forward(input, training, observer, DJL_BN_MOMENTUM);
    }

    /**
     * Forward pass with an explicit BatchNorm momentum in DJL's convention (running = m*running + (1-m)*batch),
     * used in training mode to re-estimate running statistics as a cumulative average.
     */
    public NDArray forward(NDArray input, boolean training, ForwardObserver observer, float bnMomentum) {
        NDArray x = input;
        int conv = 0;
        for (VggArchitecture.Stage stage : arch.stages()) {
            if (stage.isPool()) {
                x = Pool.maxPool2d(x, K2, K2, ZERO, false);
                continue;
            }
            String bn = VggArchitecture.bnPrefix(conv);
            String layer = "backbone.conv" + conv;
            observer.observe(layer + ".input", x);
            x = Conv2d.conv2d(x, arrays.get(VggArchitecture.convWeight(conv)), null, ONE, ONE, ONE, 1)
                    .singletonOrThrow();
            x = BatchNorm.batchNorm(x, arrays.get(bn + "running_mean"), arrays.get(bn + "running_var"),
                    arrays.get(bn + "weight"), arrays.get(bn + "bias"), -1, bnMomentum,
                    (float) VggArchitecture.BN_EPS, training).singletonOrThrow();
            x = Activation.relu(x);
            observer.observe(layer + ".output", x);
            if (training) {
                batchesTracked[conv]++;
            }
            conv++;
        }
        x = Pool.avgPool2d(x, K2, K2, ZERO, false, true);
        x = x.reshape(x.getShape().get(0), arch.lastChannels());
        observer.observe("classifier.input", x);
        NDArray logits = Linear.linear(x, arrays.get("classifier.weight"), arrays.get("classifier.bias"))
                .singletonOrThrow();
        observer.observe("classifier.output", logits);
        return logits;
    }

    /** Copies every tensor to host memory under its reference name. */
    public StateDict toStateDict() {
        StateDict sd = new StateDict();
        for (VggArchitecture.TensorSpec spec : arch.tensors()) {
            if (spec.kind() == VggArchitecture.Kind.BN_COUNT) {
                sd.put(spec.name(), TensorData.scalarLong(batchesTracked[bnIndex(spec.name())]));
            } else {
                NDArray a = arrays.get(spec.name());
                sd.put(spec.name(), TensorData.of(a.toType(DataType.FLOAT32, false).toFloatArray(), spec.shape()));
            }
        }
        return sd;
    }

    /** Overwrites one tensor's values in place (keeps gradients attached). */
    public void setValues(String name, float[] values) {
        NDArray a = array(name);
        try (NDManager tmp = manager.newSubManager()) {
            NDArray src = tmp.create(values, a.getShape());
            a.set(src.toByteBuffer());
        }
    }

    /** A new network with the same weights, in its own manager (experiments quantize a copy). */
    public VggNet copy(NDManager parent) {
        return fromStateDict(parent, toStateDict());
    }

    @Override
    public void close() {
        manager.close();
    }
}
