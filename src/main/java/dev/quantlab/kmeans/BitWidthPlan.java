package dev.quantlab.kmeans;

import dev.quantlab.model.VggArchitecture;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bits per weight matrix (mixed precision): conv weights get {@code convBits}, the classifier weight
 * {@code fcBits}, and {@code overrides} set single layers by state-dict name. Deep Compression found
 * conv layers need about 8 bits and fully connected ones about 5 ({@link #deepCompression()}).
 *
 * @param convBits  bits for every conv weight not overridden
 * @param fcBits    bits for the classifier weight unless overridden
 * @param overrides bits for single layers, by name (copied, immutable)
 */
public record BitWidthPlan(int convBits, int fcBits, Map<String, Integer> overrides) {

    /** Validates every bit-width (1..8). */
    public BitWidthPlan {
        BitWidth.check(convBits);
        BitWidth.check(fcBits);
        overrides.forEach((name, bits) -> BitWidth.check(bits));
        overrides = Map.copyOf(overrides);
    }

    /** Every weight matrix at {@code bits}. */
    public static BitWidthPlan uniform(int bits) {
        return new BitWidthPlan(bits, bits, Map.of());
    }

    /**
     * Each layer at its own width: {@link #uniform} when they all share one, else the largest width as the base
     * with every layer set on its own.
     *
     * @param bits bits per weight matrix, by state-dict name (at least one)
     */
    public static BitWidthPlan perLayer(Map<String, Integer> bits) {
        int max = bits.values().stream().max(Integer::compare).orElseThrow();
        if (bits.values().stream().allMatch(b -> b == max)) {
            return uniform(max);
        }
        return new BitWidthPlan(max, max, bits);
    }

    /** Conv weights at {@code convBits}, the classifier at {@code fcBits}. */
    public static BitWidthPlan of(int convBits, int fcBits) {
        return new BitWidthPlan(convBits, fcBits, Map.of());
    }

    /** Deep Compression's choice: conv 8 bits, FC 5 bits. */
    public static BitWidthPlan deepCompression() {
        return of(8, 5);
    }

    /** This plan with {@code layer} set to {@code bits}. */
    public BitWidthPlan with(String layer, int bits) {
        Map<String, Integer> m = new TreeMap<>(overrides);
        m.put(layer, bits);
        return new BitWidthPlan(convBits, fcBits, m);
    }

    /**
     * Bits for a weight matrix.
     *
     * @throws IllegalArgumentException if {@code spec} is not a weight matrix
     */
    public int bitsFor(VggArchitecture.TensorSpec spec) {
        if (!spec.kind().isWeightMatrix()) {
            throw new IllegalArgumentException(spec.name() + " is not a weight matrix; only conv and FC weights"
                    + " are k-means quantized");
        }
        Integer b = overrides.get(spec.name());
        if (b != null) {
            return b;
        }
        return spec.kind() == VggArchitecture.Kind.FC_WEIGHT ? fcBits : convBits;
    }

    /** Largest bit-width this plan gives any weight matrix of {@code arch}. */
    public int maxBits(VggArchitecture arch) {
        return arch.weightMatrices().stream().mapToInt(this::bitsFor).max().orElse(convBits);
    }

    /** Whether every weight matrix of {@code arch} gets the same bit-width. */
    public boolean isUniform(VggArchitecture arch) {
        return arch.weightMatrices().stream().mapToInt(this::bitsFor).distinct().count() == 1;
    }

    /**
     * Throws if an override names a tensor that is not a weight matrix of {@code arch}.
     *
     * @throws IllegalArgumentException naming the unknown layer
     */
    public void checkAgainst(VggArchitecture arch) {
        for (String name : overrides.keySet()) {
            boolean known = arch.weightMatrices().stream().anyMatch(s -> s.name().equals(name));
            if (!known) {
                throw new IllegalArgumentException("bit-width plan names " + name
                        + ", which is not a conv or FC weight of the model");
            }
        }
    }

    /**
     * A short label: "8-bit", "conv 8-bit / FC 5-bit"; with overrides "mixed conv0=5 conv1=2 ... fc=5", followed by
     * ", others 4-bit" when some layer of the CIFAR VGG takes the base width.
     */
    public String describe() {
        String base = convBits == fcBits ? convBits + "-bit" : "conv " + convBits + "-bit / FC " + fcBits + "-bit";
        if (overrides.isEmpty()) {
            return base;
        }
        StringBuilder sb = new StringBuilder("mixed");
        new TreeMap<>(overrides).forEach((layer, b) -> sb.append(' ').append(layer.replace("backbone.", "")
                .replace(".weight", "").replace("classifier", "fc")).append('=').append(b));
        boolean all = VggArchitecture.cifarVgg().weightMatrices().stream()
                .allMatch(spec -> overrides.containsKey(spec.name()));
        return all ? sb.toString() : sb.append(", others ").append(base).toString();
    }
}
