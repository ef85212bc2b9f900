package dev.quantlab.app.linear;

import dev.quantlab.app.charts.Histogram;

/**
 * One BN-folded weight tensor quantized at one bit width, as the Linear tab shows it. Small (no per-weight
 * arrays), so every bit width can be cached.
 *
 * @param layer        short name ({@code conv0} .. {@code conv7}, {@code classifier})
 * @param shape        e.g. {@code 64x3x3x3}
 * @param bits         bit width
 * @param qmin         smallest integer of the range ({@code -2^(bits-1)})
 * @param counts       weights per integer value, index {@code q - qmin}
 * @param scaled       histogram of {@code W / S[oc]}: the real weights in units of their channel's scale
 * @param fp32         histogram of the BN-folded fp32 weights
 * @param scaleMin     smallest per-channel scale
 * @param scaleMax     largest per-channel scale
 * @param scaleMean    mean per-channel scale
 * @param perChannelMse  MSE of per-channel quantization
 * @param perTensorMse   MSE of per-tensor quantization
 */
public record LayerQuantization(String layer, String shape, int bits, int qmin, long[] counts, Histogram scaled,
                                Histogram fp32, double scaleMin, double scaleMax, double scaleMean,
                                double perChannelMse, double perTensorMse) {
    public int qmax() {
        return qmin + counts.length - 1;
    }

    /** Integer values that at least one weight takes. */
    public int distinctValues() {
        int n = 0;
        for (long c : counts) {
            if (c > 0) {
                n++;
            }
        }
        return n;
    }

    public long weights() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }
}
