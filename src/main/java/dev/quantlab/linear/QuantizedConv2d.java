package dev.quantlab.linear;

/**
 * An integer-only conv layer: int8 weights (symmetric), int32 shifted bias and a {@link Requantizer}.
 * {@link #forward} pads the int8 input with {@code Z_in}, accumulates {@code q_in * q_w} in int32, adds the
 * shifted bias and requantizes to the output's int8 range (the clamp at {@code Z_out = qmin} is the ReLU).
 * The patch/GEMM formulation ({@link IntGemm}) splits output pixels across the runner's threads.
 */
public final class QuantizedConv2d extends QuantizedLayer {
    /** Output pixels per GEMM block (bounds the patch buffer). */
    private static final int PIXEL_BLOCK = 256;

    private final ConvGeometry geometry;
    private final int[][] weightRows;

    private QuantizedConv2d(ConvGeometry geometry, QuantizedWeights weights, int[] quantizedBias,
                            QuantParams input, QuantParams output, RequantMode mode) {
        super(weights, quantizedBias, input, output, mode);
        if (weights.outChannels() != geometry.outChannels() || weights.perChannel() != geometry.depth()) {
            throw new IllegalArgumentException("weights [" + weights.outChannels() + " x " + weights.perChannel()
                    + "] do not match " + geometry);
        }
        this.geometry = geometry;
        this.weightRows = transposeWeights(geometry, weights);
    }

    /** Quantizes a float (BN-folded) conv: weights at {@code weightBits}, bias to int32 with {@code S_in * S_w}. */
    public static QuantizedConv2d create(FoldedConv conv, int stride, int padding, QuantParams input,
                                         QuantParams output, int weightBits, WeightGranularity granularity,
                                         RequantMode mode) {
        ConvGeometry g = new ConvGeometry(conv.inChannels(), conv.outChannels(), conv.kernelSize(), stride, padding);
        QuantizedWeights w = QuantizedWeights.quantize(conv.weight(), conv.outChannels(), weightBits, granularity);
        int[] qBias = BiasQuantizer.quantize(conv.bias(), w.scales(), input.scale());
        return new QuantizedConv2d(g, w, qBias, input, output, mode);
    }

    /** A layer from already-quantized parts (weights in PyTorch order {@code [oc][ic][ky][kx]}). */
    public static QuantizedConv2d of(ConvGeometry geometry, QuantizedWeights weights, int[] quantizedBias,
                                     QuantParams input, QuantParams output, RequantMode mode) {
        return new QuantizedConv2d(geometry, weights, quantizedBias, input, output, mode);
    }

    /** GEMM rows: row {@code (ky*k + kx)*inChannels + ic} holds {@code q_w[oc][ic][ky][kx]} over oc. */
    private static int[][] transposeWeights(ConvGeometry g, QuantizedWeights w) {
        int k = g.kernelSize();
        int cin = g.inChannels();
        int cout = g.outChannels();
        int[][] rows = new int[g.paddedDepth()][cout];
        for (int oc = 0; oc < cout; oc++) {
            for (int ic = 0; ic < cin; ic++) {
                for (int ky = 0; ky < k; ky++) {
                    for (int kx = 0; kx < k; kx++) {
                        rows[(ky * k + kx) * cin + ic][oc] = w.value(oc, (ic * k + ky) * k + kx);
                    }
                }
            }
        }
        return rows;
    }

    /** Runs the layer on a batch (NHWC int8 in, NHWC int8 out). */
    public Int8Activations forward(Int8Activations in, KernelRunner runner) {
        if (in.channels() != geometry.inChannels()) {
            throw new IllegalArgumentException("input has " + in.channels() + " channels, layer expects "
                    + geometry.inChannels());
        }
        Im2Col.PaddedInput padded = Im2Col.pad(in, geometry, input().zeroPoint());
        int outH = padded.outHeight();
        int outW = padded.outWidth();
        int pixels = in.batch() * outH * outW;
        int cout = geometry.outChannels();
        byte[] out = new byte[pixels * cout];
        runner.forRanges(pixels, 4, (from, to) -> {
            int block = Math.min(PIXEL_BLOCK, to - from);
            int[] patches = new int[block * geometry.paddedDepth()];
            int[][] acc = new int[block][cout];
            for (int p0 = from; p0 < to; p0 += block) {
                int rows = Math.min(block, to - p0);
                Im2Col.patches(padded, geometry, p0, p0 + rows, patches);
                for (int r = 0; r < rows; r++) {
                    resetToBias(acc[r]);
                }
                IntGemm.multiplyAdd(patches, rows, geometry.paddedDepth(), weightRows, acc, cout);
                for (int r = 0; r < rows; r++) {
                    requantizer().requantizeRow(acc[r], out, (p0 + r) * cout);
                }
            }
        });
        return new Int8Activations(out, in.batch(), outH, outW, cout);
    }

    public ConvGeometry geometry() {
        return geometry;
    }
}
