package dev.quantlab.kmeans;

import dev.quantlab.model.StateDict;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A k-means quantized model: a copy of the fp32 state dict whose weight matrices hold centroid values,
 * plus each layer's codebook.
 *
 * @param stateDict the quantized copy (BN parameters, running statistics and the classifier bias are
 *                  copied unchanged)
 * @param layers    one entry per weight matrix, in the architecture's order
 * @param plan      the bit-widths used
 * @param init      the Lloyd initialisation used
 * @param seed      the seed used
 * @param wallNanos wall-clock time of the whole quantization
 */
public record QuantizedModel(StateDict stateDict, List<LayerQuantization> layers, BitWidthPlan plan, Init init,
                             long seed, long wallNanos) {

    /** Copies the layer list. */
    public QuantizedModel {
        layers = List.copyOf(layers);
    }

    /** The entry of layer {@code name}. */
    public LayerQuantization layer(String name) {
        return layers.stream().filter(l -> l.layer().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no quantized layer " + name));
    }

    /** The codebook of layer {@code name}. */
    public Codebook codebook(String name) {
        return layer(name).codebook();
    }

    /** Total Lloyd iterations over all layers. */
    public long totalIterations() {
        return layers.stream().mapToLong(LayerQuantization::iterations).sum();
    }

    /** Sizes by the lesson's rule and by honest accounting. */
    public SizeReport sizeReport() {
        return SizeReport.of(this);
    }
}
