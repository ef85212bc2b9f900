package dev.quantlab.linear;

/**
 * Every integer behind one output element {@code (image, oc, y, x)} of a {@link QuantizedConv2d}, for a GUI to
 * show: the {@code inChannels x k x k} input window in PyTorch order {@code [ic][ky][kx]} (padding positions
 * hold {@code Z_in} and are flagged), the matching weights, {@code productSum = sum(q_in * q_w)} (int32),
 * {@code zeroPointTerm = Z_in * sum(q_w[oc])}, the quantized and shifted bias, {@code accumulator =
 * productSum + shiftedBias}, both multipliers, both requantization paths, and the layer's actual output.
 * Computed with plain loops, independently of the fast kernel.
 */
public record ConvWorkedExample(int image, int outChannel, int y, int x, int kernelSize, int inChannels,
                                int[] inputWindow, boolean[] padding, int[] weightWindow, int productSum,
                                int inputZeroPoint, int weightSum, int zeroPointTerm, int quantizedBias,
                                int shiftedBias, int accumulator, float floatMultiplier, double exactMultiplier,
                                FixedPointMultiplier fixedMultiplier, int outputZeroPoint, QuantRange outputRange,
                                RequantSteps floatPath, RequantSteps fixedPath, RequantMode mode, int output) {

    /** Works out output element {@code (image, oc, y, x)} of {@code layer} applied to {@code in}. */
    public static ConvWorkedExample of(QuantizedConv2d layer, Int8Activations in, int image, int oc, int y, int x) {
        ConvGeometry g = layer.geometry();
        int outH = g.outSize(in.height());
        int outW = g.outSize(in.width());
        if (image < 0 || image >= in.batch() || oc < 0 || oc >= g.outChannels() || y < 0 || y >= outH
                || x < 0 || x >= outW) {
            throw new IndexOutOfBoundsException("element (" + image + ", " + oc + ", " + y + ", " + x
                    + ") outside [" + in.batch() + ", " + g.outChannels() + ", " + outH + ", " + outW + "]");
        }
        if (in.channels() != g.inChannels()) {
            throw new IllegalArgumentException("input has " + in.channels() + " channels, layer expects "
                    + g.inChannels());
        }
        int k = g.kernelSize();
        int zIn = layer.input().zeroPoint();
        int n = g.depth();
        int[] window = new int[n];
        boolean[] pad = new boolean[n];
        int[] w = new int[n];
        int products = 0;
        int weightSum = 0;
        for (int ic = 0; ic < g.inChannels(); ic++) {
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                    int i = (ic * k + ky) * k + kx;
                    int iy = y * g.stride() - g.padding() + ky;
                    int ix = x * g.stride() - g.padding() + kx;
                    pad[i] = iy < 0 || iy >= in.height() || ix < 0 || ix >= in.width();
                    window[i] = pad[i] ? zIn : in.get(image, iy, ix, ic);
                    w[i] = layer.weights().value(oc, i);
                    products += window[i] * w[i];
                    weightSum += w[i];
                }
            }
        }
        int qBias = layer.quantizedBias()[oc];
        int zeroPointTerm = zIn * weightSum;
        int shifted = qBias - zeroPointTerm;
        int acc = products + shifted;
        Requantizer rq = layer.requantizer();
        RequantSteps floatPath = rq.floatSteps(acc, oc);
        RequantSteps fixedPath = rq.fixedSteps(acc, oc);
        int out = rq.mode() == RequantMode.FLOAT_MULTIPLIER ? floatPath.clamped() : fixedPath.clamped();
        return new ConvWorkedExample(image, oc, y, x, k, g.inChannels(), window, pad, w, products, zIn, weightSum,
                zeroPointTerm, qBias, shifted, acc, rq.floatMultiplier(oc), rq.exactMultiplier(oc),
                rq.fixedMultiplier(oc), rq.outputZeroPoint(), rq.range(), floatPath, fixedPath, rq.mode(), out);
    }
}
