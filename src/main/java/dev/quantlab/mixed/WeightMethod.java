package dev.quantlab.mixed;

import dev.quantlab.kmeans.Init;
import dev.quantlab.kmeans.KMeans1D;
import dev.quantlab.kmeans.KMeansQuantizer;
import dev.quantlab.kmeans.PackedLabels;
import dev.quantlab.linear.QuantizedWeights;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.TensorData;
import dev.quantlab.model.VggArchitecture;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How one weight matrix is quantized for sensitivity and mixed precision, and what it then costs in bytes.
 * {@link #KMEANS}: the k-means of {@link KMeansQuantizer} (k-means++ seeding, the same per-layer seed), so a
 * layer quantized here equals that layer in a whole-model run. {@link #LINEAR}: symmetric per-output-channel
 * linear quantization (the lesson's weights), dequantized back to float, 2..8 bits.
 */
public enum WeightMethod {
    KMEANS(1) {
        @Override
        float[] quantize(VggArchitecture.TensorSpec spec, int index, float[] w, int bits, long seed) {
            return KMeans1D.cluster(w, bits, Init.KMEANS_PLUS_PLUS, KMeansQuantizer.layerSeed(seed, index)).quantized();
        }

        @Override
        public long honestBytes(VggArchitecture.TensorSpec spec, int bits) {
            return PackedLabels.packedBytes(spec.numel(), bits) + 4L * (1 << bits);
        }
    },
    LINEAR(2) {
        @Override
        float[] quantize(VggArchitecture.TensorSpec spec, int index, float[] w, int bits, long seed) {
            return QuantizedWeights.symmetricPerChannel(w, (int) spec.shape()[0], bits).dequantize();
        }

        @Override
        public long honestBytes(VggArchitecture.TensorSpec spec, int bits) {
            return (spec.numel() * bits + 7) / 8 + 4L * spec.shape()[0];
        }
    };

    private final int minBits;

    WeightMethod(int minBits) {
        this.minBits = minBits;
    }

    /** The quantized (decoded) values of weight matrix {@code spec}, position {@code index}, at {@code bits}. */
    abstract float[] quantize(VggArchitecture.TensorSpec spec, int index, float[] w, int bits, long seed);

    /** Bytes the layer takes in a file: packed integers plus codebook (k-means) or per-channel scales (linear). */
    public abstract long honestBytes(VggArchitecture.TensorSpec spec, int bits);

    /** Fewest bits this method quantizes to (1 for k-means, 2 for linear). */
    public int minBits() {
        return minBits;
    }

    /** Lower-case name for the CLI and cache keys. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code kmeans} or {@code linear}. */
    public static WeightMethod parse(String s) {
        for (WeightMethod m : values()) {
            if (m.key().equals(s.toLowerCase(Locale.ROOT).replace("-", ""))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown method '" + s + "': use kmeans or linear");
    }

    /** Checks that {@code bits} is a width this method supports. */
    public int checkBits(int bits) {
        if (bits < minBits || bits > 8) {
            throw new IllegalArgumentException(key() + " quantizes weights to " + minBits + "..8 bits, got " + bits);
        }
        return bits;
    }

    /**
     * A copy of {@code fp32} (tensors shared, never modified) whose named weight matrices are quantized at the
     * given widths; the others stay fp32.
     */
    public StateDict apply(StateDict fp32, Map<String, Integer> bitsByLayer, long seed) {
        StateDict out = new StateDict();
        fp32.asMap().forEach(out::put);
        List<VggArchitecture.TensorSpec> specs = VggArchitecture.cifarVgg().weightMatrices();
        for (int i = 0; i < specs.size(); i++) {
            VggArchitecture.TensorSpec spec = specs.get(i);
            Integer bits = bitsByLayer.get(spec.name());
            if (bits != null) {
                float[] q = quantize(spec, i, fp32.get(spec.name()).values(), checkBits(bits), seed);
                out.put(spec.name(), TensorData.of(q, spec.shape()));
            }
        }
        return out;
    }
}
