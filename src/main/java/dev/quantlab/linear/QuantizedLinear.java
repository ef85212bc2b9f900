package dev.quantlab.linear;

/**
 * An integer-only fully connected layer, the conv without padding: int8 input rows of {@code inFeatures},
 * int8 weights {@code [outFeatures, inFeatures]}, int32 shifted bias, requantization to int8.
 */
public final class QuantizedLinear extends QuantizedLayer {
    private final int inFeatures;
    private final int depth;
    private final int[][] weightRows;

    private QuantizedLinear(QuantizedWeights weights, int[] quantizedBias, QuantParams input, QuantParams output,
                            RequantMode mode) {
        super(weights, quantizedBias, input, output, mode);
        this.inFeatures = weights.perChannel();
        this.depth = IntGemm.padDepth(inFeatures);
        this.weightRows = new int[depth][weights.outChannels()];
        for (int o = 0; o < weights.outChannels(); o++) {
            for (int i = 0; i < inFeatures; i++) {
                weightRows[i][o] = weights.value(o, i);
            }
        }
    }

    /** Quantizes a float layer ({@code weight [out, in]}, {@code bias [out]}). */
    public static QuantizedLinear create(float[] weight, float[] bias, int outFeatures, QuantParams input,
                                         QuantParams output, int weightBits, WeightGranularity granularity,
                                         RequantMode mode) {
        QuantizedWeights w = QuantizedWeights.quantize(weight, outFeatures, weightBits, granularity);
        return new QuantizedLinear(w, BiasQuantizer.quantize(bias, w.scales(), input.scale()), input, output, mode);
    }

    /** A layer from already-quantized parts. */
    public static QuantizedLinear of(QuantizedWeights weights, int[] quantizedBias, QuantParams input,
                                     QuantParams output, RequantMode mode) {
        return new QuantizedLinear(weights, quantizedBias, input, output, mode);
    }

    /** Int32 accumulators (products plus shifted bias), one row of {@code outFeatures} per input row. */
    public int[][] accumulate(byte[] in, int rows) {
        if (in.length < (long) rows * inFeatures) {
            throw new IllegalArgumentException(in.length + " values for " + rows + " rows of " + inFeatures);
        }
        int[] a = new int[rows * depth];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < inFeatures; i++) {
                a[r * depth + i] = in[r * inFeatures + i];
            }
        }
        int[][] acc = new int[rows][];
        for (int r = 0; r < rows; r++) {
            acc[r] = biasRow();
        }
        IntGemm.multiplyAdd(a, rows, depth, weightRows, acc, outFeatures());
        return acc;
    }

    /** Requantized int8 outputs, {@code rows x outFeatures}. */
    public byte[] forward(byte[] in, int rows) {
        int[][] acc = accumulate(in, rows);
        byte[] out = new byte[rows * outFeatures()];
        for (int r = 0; r < rows; r++) {
            requantizer().requantizeRow(acc[r], out, r * outFeatures());
        }
        return out;
    }

    public int inFeatures() {
        return inFeatures;
    }

    public int outFeatures() {
        return weights().outChannels();
    }
}
