package dev.quantlab.mixed;

import dev.quantlab.model.VggArchitecture;
import java.util.Locale;

/**
 * The two ways a mixed-precision model's size is counted, in bits so that sums stay exact integers.
 * {@link #LESSON}: every parameter times its bit-width (weight matrices at their own width, BN and the
 * classifier bias at the plan's largest width), nothing else. {@link #HONEST}: what a file needs, each layer's
 * packed integers plus its codebook or scales, and the BN parameters and classifier bias at fp32 (BN running
 * statistics excluded, as in {@link dev.quantlab.kmeans.SizeReport}).
 */
public enum SizeRule {
    LESSON, HONEST;

    /** Bits weight matrix {@code spec} costs at {@code bits}. */
    public long layerBits(WeightMethod method, VggArchitecture.TensorSpec spec, int bits) {
        return this == LESSON ? spec.numel() * bits : 8 * method.honestBytes(spec, bits);
    }

    /** Bits the other parameters cost when the widest weight matrix has {@code maxBits}. */
    public long otherBits(VggArchitecture arch, int maxBits) {
        long others = arch.tensors().stream().filter(s -> s.kind().isParameter() && !s.kind().isWeightMatrix())
                .mapToLong(VggArchitecture.TensorSpec::numel).sum();
        return others * (this == LESSON ? maxBits : 32);
    }

    /** Parses {@code lesson} or {@code honest}. */
    public static SizeRule parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "lesson" -> LESSON;
            case "honest" -> HONEST;
            default -> throw new IllegalArgumentException("unknown size rule '" + s + "': use lesson or honest");
        };
    }
}
