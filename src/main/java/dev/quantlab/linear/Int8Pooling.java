package dev.quantlab.linear;

/**
 * 2x2, stride-2 pooling on int8 NHWC maps (odd sizes drop the last row/column, as PyTorch does). Max-pool
 * is exact on quantized values (the scale is monotonic); the average keeps the input's scale and zero point
 * and rounds by {@link AvgPoolRounding}.
 */
public final class Int8Pooling {
    private Int8Pooling() { }

    public static Int8Activations maxPool2x2(Int8Activations in) {
        return pool(in, true, AvgPoolRounding.TRUNCATE);
    }

    public static Int8Activations avgPool2x2(Int8Activations in, AvgPoolRounding rounding) {
        return pool(in, false, rounding);
    }

    private static Int8Activations pool(Int8Activations in, boolean max, AvgPoolRounding rounding) {
        int oh = in.height() / 2;
        int ow = in.width() / 2;
        if (oh == 0 || ow == 0) {
            throw new IllegalArgumentException("cannot 2x2-pool a " + in.height() + "x" + in.width() + " map");
        }
        int c = in.channels();
        byte[] src = in.data();
        byte[] out = new byte[in.batch() * oh * ow * c];
        int o = 0;
        for (int n = 0; n < in.batch(); n++) {
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    int i00 = in.index(n, 2 * y, 2 * x, 0);
                    int i01 = i00 + c;
                    int i10 = in.index(n, 2 * y + 1, 2 * x, 0);
                    int i11 = i10 + c;
                    for (int ch = 0; ch < c; ch++) {
                        int a = src[i00 + ch];
                        int b = src[i01 + ch];
                        int d = src[i10 + ch];
                        int e = src[i11 + ch];
                        out[o++] = (byte) (max ? Math.max(Math.max(a, b), Math.max(d, e))
                                : rounding.mean(a + b + d + e, 4));
                    }
                }
            }
        }
        return new Int8Activations(out, in.batch(), oh, ow, c);
    }
}
