package dev.quantlab.linear;

import dev.quantlab.model.StateDict;
import dev.quantlab.model.TensorData;
import dev.quantlab.model.VggArchitecture;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds BatchNorm into the preceding bias-free conv: {@code factor = gamma / sqrt(running_var + eps)},
 * {@code W' = W * factor} per output channel, {@code b' = beta - running_mean * factor}. Computed in float32
 * like the reference, so the folded model gives the BN model's outputs up to float rounding.
 */
public final class BatchNormFolding {
    private BatchNormFolding() { }

    /** {@code gamma / sqrt(running_var + eps)} per channel. */
    public static float[] factors(BatchNormParams bn) {
        float eps = (float) bn.eps();
        float[] f = new float[bn.channels()];
        for (int c = 0; c < f.length; c++) {
            f[c] = bn.gamma()[c] / (float) Math.sqrt(bn.runningVar()[c] + eps);
        }
        return f;
    }

    /** Folds {@code bn} into a bias-free conv weight {@code [outChannels, inChannels, k, k]}. */
    public static FoldedConv fold(float[] weight, int outChannels, int inChannels, int kernelSize, BatchNormParams bn) {
        if (bn.channels() != outChannels) {
            throw new IllegalArgumentException("BatchNorm has " + bn.channels() + " channels, conv has " + outChannels);
        }
        float[] factor = factors(bn);
        int per = inChannels * kernelSize * kernelSize;
        if (weight.length != (long) outChannels * per) {
            throw new IllegalArgumentException("weight has " + weight.length + " values, expected "
                    + (long) outChannels * per);
        }
        float[] w = new float[weight.length];
        float[] b = new float[outChannels];
        for (int oc = 0; oc < outChannels; oc++) {
            for (int i = oc * per, end = i + per; i < end; i++) {
                w[i] = weight[i] * factor[oc];
            }
            b[oc] = bn.beta()[oc] - bn.runningMean()[oc] * factor[oc];
        }
        return new FoldedConv(w, b, outChannels, inChannels, kernelSize);
    }

    /** Folds every conv of a state dict of the lesson's VGG ({@code backbone.convN}, {@code backbone.bnN}). */
    public static FoldedVgg foldVgg(StateDict sd) {
        VggArchitecture arch = VggArchitecture.cifarVgg();
        List<FoldedConv> convs = new ArrayList<>();
        int in = 3;
        int conv = 0;
        for (VggArchitecture.Stage s : arch.stages()) {
            if (s.isPool()) {
                continue;
            }
            String bn = VggArchitecture.bnPrefix(conv);
            BatchNormParams params = new BatchNormParams(values(sd, bn + "weight", s.channels()),
                    values(sd, bn + "bias", s.channels()), values(sd, bn + "running_mean", s.channels()),
                    values(sd, bn + "running_var", s.channels()), VggArchitecture.BN_EPS);
            float[] w = values(sd, VggArchitecture.convWeight(conv), (long) s.channels() * in * 9);
            convs.add(fold(w, s.channels(), in, 3, params));
            in = s.channels();
            conv++;
        }
        int classes = VggArchitecture.NUM_CLASSES;
        return new FoldedVgg(arch.stages(), convs, values(sd, "classifier.weight", (long) classes * in),
                values(sd, "classifier.bias", classes), classes);
    }

    private static float[] values(StateDict sd, String name, long expected) {
        TensorData t = sd.get(name);
        if (t.values().length != expected) {
            throw new IllegalArgumentException(name + " has " + t.values().length + " values, expected " + expected);
        }
        return t.values();
    }
}
