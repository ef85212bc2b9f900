package dev.quantlab.onnx;

import dev.quantlab.linear.ConvGeometry;
import dev.quantlab.linear.Int8Activations;
import dev.quantlab.linear.IntegerVgg;
import dev.quantlab.linear.QuantizedConv2d;

/**
 * How often an int8 engine that sums u8*s8 products in pairs into int16 would saturate on this model (AVX2's
 * {@code vpmaddubsw}, used by u8*s8 GEMM kernels on CPUs without VNNI): for each conv output, the products of
 * the uint8 activation {@code q + 128} and the int8 weight are paired along the NHWC patch order
 * {@code (ky, kx, ic)} as a packed GEMM reads them (elements {@code 2j} and {@code 2j+1}), and a pair counts when
 * its sum leaves [-32768, 32767]. With VNNI ({@code vpdpbusd}) the products go straight to int32 and nothing
 * saturates.
 */
public final class Int16PairSaturation {
    /** Counts for one image: pairs summed, pairs that would saturate. */
    public record Count(long pairs, long saturating) {
        public double saturatingPercent() {
            return pairs == 0 ? 0 : 100.0 * saturating / pairs;
        }
    }

    private Int16PairSaturation() { }

    /** Counts over every conv of {@code model} for image {@code image} of the uint8 {@code images}. */
    public static Count count(IntegerVgg model, byte[] images, int image) {
        long pairs = 0;
        long saturating = 0;
        for (int c = 0; c < model.convs().size(); c++) {
            Count k = count(model.convs().get(c), model.convInput(images, image, c));
            pairs += k.pairs();
            saturating += k.saturating();
        }
        return new Count(pairs, saturating);
    }

    /** Counts for one conv on the first image of {@code in} (the same geometry rules as the layer). */
    public static Count count(QuantizedConv2d conv, Int8Activations in) {
        ConvGeometry g = conv.geometry();
        int k = g.kernelSize();
        int cin = g.inChannels();
        int depth = k * k * cin;
        int zIn = conv.input().zeroPoint();
        int outH = g.outSize(in.height());
        int outW = g.outSize(in.width());
        int[] patch = new int[depth + 1];
        int[][] w = new int[g.outChannels()][depth + 1];
        for (int oc = 0; oc < g.outChannels(); oc++) {
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                    for (int ic = 0; ic < cin; ic++) {
                        w[oc][(ky * k + kx) * cin + ic] = conv.weights().value(oc, (ic * k + ky) * k + kx);
                    }
                }
            }
        }
        long pairs = 0;
        long saturating = 0;
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                for (int ky = 0; ky < k; ky++) {
                    for (int kx = 0; kx < k; kx++) {
                        int iy = y * g.stride() - g.padding() + ky;
                        int ix = x * g.stride() - g.padding() + kx;
                        boolean inside = iy >= 0 && iy < in.height() && ix >= 0 && ix < in.width();
                        for (int ic = 0; ic < cin; ic++) {
                            patch[(ky * k + kx) * cin + ic] = (inside ? in.get(0, iy, ix, ic) : zIn) + 128;
                        }
                    }
                }
                for (int[] row : w) {
                    for (int j = 0; j < depth; j += 2) {
                        int s = patch[j] * row[j] + patch[j + 1] * row[j + 1]; // index depth is a zero pad
                        saturating += s > Short.MAX_VALUE || s < Short.MIN_VALUE ? 1 : 0;
                    }
                    pairs += (depth + 1) / 2;
                }
            }
        }
        return new Count(pairs, saturating);
    }
}
