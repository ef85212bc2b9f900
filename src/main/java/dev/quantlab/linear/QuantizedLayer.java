package dev.quantlab.linear;

/**
 * What every integer-only layer with weights stores: int8 weights, the int32 bias (as quantized and shifted by
 * {@code Z_in * sum(q_w)}), the input and output quantization and the {@link Requantizer} that maps the int32
 * accumulators back to int8. {@link QuantizedConv2d} and {@link QuantizedLinear} add how they multiply.
 */
public abstract sealed class QuantizedLayer permits QuantizedConv2d, QuantizedLinear {
    private final QuantizedWeights weights;
    private final int[] quantizedBias;
    private final int[] shiftedBias;
    private final QuantParams input;
    private final QuantParams output;
    private final Requantizer requantizer;

    QuantizedLayer(QuantizedWeights weights, int[] quantizedBias, QuantParams input, QuantParams output,
                   RequantMode mode) {
        if (quantizedBias.length != weights.outChannels()) {
            throw new IllegalArgumentException(quantizedBias.length + " biases for " + weights.outChannels()
                    + " output channels");
        }
        this.weights = weights;
        this.quantizedBias = quantizedBias.clone();
        this.shiftedBias = BiasQuantizer.shift(quantizedBias, weights, input.zeroPoint());
        this.input = input;
        this.output = output;
        this.requantizer = Requantizer.create(input.scale(), weights.scales(), output, mode);
    }

    public QuantizedWeights weights() {
        return weights;
    }

    /** {@code round(b / (S_in * S_w))} per output channel (a copy). */
    public int[] quantizedBias() {
        return quantizedBias.clone();
    }

    /** {@code q_bias - Z_in * sum(q_w[oc])} per output channel (a copy). */
    public int[] shiftedBias() {
        return shiftedBias.clone();
    }

    /** Fresh int32 accumulators of one output row, each starting at its channel's shifted bias. */
    int[] biasRow() {
        return shiftedBias.clone();
    }

    /** Starts {@code row} at the shifted biases (no allocation, for the inner loops). */
    void resetToBias(int[] row) {
        System.arraycopy(shiftedBias, 0, row, 0, shiftedBias.length);
    }

    public QuantParams input() {
        return input;
    }

    public QuantParams output() {
        return output;
    }

    public Requantizer requantizer() {
        return requantizer;
    }

    /** Bytes of the weights packed at their bit width plus 4 per int32 bias. */
    public long sizeBytes() {
        return weights.packedBytes() + 4L * shiftedBias.length;
    }
}
