package dev.quantlab.mixed;

import dev.quantlab.kmeans.BitWidthPlan;
import java.util.Map;

/**
 * A bit-width per weight matrix chosen under a size budget.
 *
 * @param bits          per layer (architecture order)
 * @param rule          how the size was counted
 * @param sizeBits      the plan's size under {@code rule}, in bits
 * @param predictedDrop the sum of the layers' measured drops, in points
 */
public record MixedPlan(Map<String, Integer> bits, SizeRule rule, long sizeBits, double predictedDrop) {
    public MixedPlan {
        bits = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bits));
    }

    /** Size in MiB. */
    public double sizeMib() {
        return sizeBits / 8.0 / (1 << 20);
    }

    /** Bits per layer as a compact line: {@code conv0=4 conv1=2 ... fc=3}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        bits.forEach((layer, b) -> sb.append(sb.length() == 0 ? "" : " ")
                .append(layer.replace("backbone.", "").replace(".weight", "").replace("classifier", "fc"))
                .append('=').append(b));
        return sb.toString();
    }

    /** These widths as a k-means plan ({@link BitWidthPlan#perLayer}). */
    public BitWidthPlan toBitWidthPlan() {
        return BitWidthPlan.perLayer(bits);
    }
}
