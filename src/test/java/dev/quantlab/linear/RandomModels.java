package dev.quantlab.linear;

import dev.quantlab.model.VggArchitecture;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random layers, models and images for tests and the benchmark. */
final class RandomModels {
    private RandomModels() { }

    static float[] gaussian(Random rnd, int n, double std) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rnd.nextGaussian() * std);
        }
        return v;
    }

    static byte[] bytes(Random rnd, int n, QuantRange range) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (range.min() + rnd.nextInt(range.max() - range.min() + 1));
        }
        return b;
    }

    static byte[] images(Random rnd, int n) {
        byte[] b = new byte[n * Int8Activations.CIFAR_IMAGE_BYTES];
        rnd.nextBytes(b);
        return b;
    }

    /** Stages {@code channels..} with "M" as -1. */
    static List<VggArchitecture.Stage> stages(int... config) {
        List<VggArchitecture.Stage> s = new ArrayList<>();
        int in = 3;
        for (int c : config) {
            s.add(c < 0 ? new VggArchitecture.Stage(true, in) : new VggArchitecture.Stage(false, c));
            in = c < 0 ? in : c;
        }
        return s;
    }

    /** A He-initialised folded VGG with small random biases. */
    static FoldedVgg foldedVgg(Random rnd, List<VggArchitecture.Stage> stages, int classes) {
        List<FoldedConv> convs = new ArrayList<>();
        int in = 3;
        for (VggArchitecture.Stage s : stages) {
            if (s.isPool()) {
                continue;
            }
            int out = s.channels();
            convs.add(new FoldedConv(gaussian(rnd, out * in * 9, Math.sqrt(2.0 / (in * 9))),
                    gaussian(rnd, out, 0.1), out, in, 3));
            in = out;
        }
        return new FoldedVgg(stages, convs, gaussian(rnd, classes * in, Math.sqrt(1.0 / in)),
                gaussian(rnd, classes, 0.1), classes);
    }

    /** A random quantized conv layer with the given geometry, bit widths and zero points. */
    static QuantizedConv2d conv(Random rnd, ConvGeometry g, int weightBits, int activationBits, int zIn, int zOut,
                                RequantMode mode) {
        QuantRange wr = QuantRange.ofBits(weightBits);
        byte[] w = bytes(rnd, g.outChannels() * g.depth(), wr);
        float[] scales = new float[g.outChannels()];
        for (int oc = 0; oc < scales.length; oc++) {
            scales[oc] = (float) (0.01 + rnd.nextDouble() * 0.05);
        }
        QuantizedWeights qw = new QuantizedWeights(w, scales, g.outChannels(), wr, WeightGranularity.PER_CHANNEL);
        int[] bias = new int[g.outChannels()];
        for (int oc = 0; oc < bias.length; oc++) {
            bias[oc] = rnd.nextInt(20001) - 10000;
        }
        QuantRange ar = QuantRange.ofBits(activationBits);
        QuantParams in = new QuantParams(0.02 + rnd.nextDouble() * 0.02, zIn, QuantRange.ofBits(8));
        // Output scale chosen so outputs spread over the range rather than all saturating.
        double typical = in.scale() * 0.03 * Math.sqrt(g.depth()) * (ar.max() - ar.min()) * 10;
        QuantParams out = new QuantParams(typical / (ar.max() - ar.min()), zOut, ar);
        return QuantizedConv2d.of(g, qw, bias, in, out, mode);
    }
}
