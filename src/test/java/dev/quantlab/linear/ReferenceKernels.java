package dev.quantlab.linear;

/**
 * Plain, obviously correct integer kernels (direct loops, long accumulation, scalar requantization) that the
 * fast kernels must match bit for bit. Test-only.
 */
final class ReferenceKernels {
    private ReferenceKernels() { }

    /** The requantized value of {@code acc} computed from the multipliers alone. */
    static int requantize(Requantizer rq, long acc, int oc) {
        if (acc < Integer.MIN_VALUE || acc > Integer.MAX_VALUE) {
            throw new AssertionError("accumulator overflows int32: " + acc);
        }
        long q;
        if (rq.mode() == RequantMode.FLOAT_MULTIPLIER) {
            float v = (float) acc * rq.floatMultiplier(oc) + (float) rq.outputZeroPoint();
            q = (long) Math.rint(v);
        } else {
            q = (long) rq.fixedMultiplier(oc).apply((int) acc) + rq.outputZeroPoint();
        }
        return (int) Math.max(rq.range().min(), Math.min(rq.range().max(), q));
    }

    /** Direct convolution; padding positions read {@code Z_in}; weights in {@code [oc][ic][ky][kx]} order. */
    static Int8Activations conv(QuantizedConv2d layer, Int8Activations in) {
        ConvGeometry g = layer.geometry();
        int outH = g.outSize(in.height());
        int outW = g.outSize(in.width());
        int k = g.kernelSize();
        int zIn = layer.input().zeroPoint();
        int[] qBias = layer.quantizedBias();
        Int8Activations out = Int8Activations.zeros(in.batch(), outH, outW, g.outChannels());
        for (int n = 0; n < in.batch(); n++) {
            for (int y = 0; y < outH; y++) {
                for (int x = 0; x < outW; x++) {
                    for (int oc = 0; oc < g.outChannels(); oc++) {
                        long acc = 0;
                        long weightSum = 0;
                        for (int ic = 0; ic < g.inChannels(); ic++) {
                            for (int ky = 0; ky < k; ky++) {
                                for (int kx = 0; kx < k; kx++) {
                                    int iy = y * g.stride() - g.padding() + ky;
                                    int ix = x * g.stride() - g.padding() + kx;
                                    boolean inside = iy >= 0 && iy < in.height() && ix >= 0 && ix < in.width();
                                    long q = inside ? in.get(n, iy, ix, ic) : zIn;
                                    long w = layer.weights().value(oc, (ic * k + ky) * k + kx);
                                    acc += q * w;
                                    weightSum += w;
                                }
                            }
                        }
                        acc += qBias[oc] - zIn * weightSum;
                        out.data()[out.index(n, y, x, oc)] = (byte) requantize(layer.requantizer(), acc, oc);
                    }
                }
            }
        }
        return out;
    }

    /** Direct fully connected layer. */
    static byte[] linear(QuantizedLinear layer, byte[] in, int rows) {
        int inF = layer.inFeatures();
        int zIn = layer.input().zeroPoint();
        int[] qBias = layer.quantizedBias();
        byte[] out = new byte[rows * layer.outFeatures()];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < layer.outFeatures(); o++) {
                long acc = qBias[o];
                for (int i = 0; i < inF; i++) {
                    acc += (long) (in[r * inF + i] - zIn) * layer.weights().value(o, i);
                }
                out[r * layer.outFeatures() + o] = (byte) requantize(layer.requantizer(), acc, o);
            }
        }
        return out;
    }
}
