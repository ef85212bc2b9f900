package dev.quantlab.linear;

import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggArchitecture;
import java.util.List;

/**
 * The lesson's VGG with every BatchNorm folded into its conv: one {@link FoldedConv} per conv stage (3x3,
 * padding 1, followed by ReLU), max-pools where {@code stages} says so, then a 2x2 average pool, flatten and
 * the classifier {@code [numClasses, features]} with bias. {@code stages} is normally the lesson's config
 * ({@link #fromStateDict}); tests may use a smaller one with the same shape rules.
 */
public record FoldedVgg(List<VggArchitecture.Stage> stages, List<FoldedConv> convs, float[] classifierWeight,
                        float[] classifierBias, int numClasses) {

    public FoldedVgg {
        stages = List.copyOf(stages);
        convs = List.copyOf(convs);
        int in = 3;
        int conv = 0;
        for (VggArchitecture.Stage s : stages) {
            if (s.isPool()) {
                continue;
            }
            if (conv >= convs.size()) {
                throw new IllegalArgumentException("stages name more convs than the " + convs.size() + " given");
            }
            FoldedConv c = convs.get(conv);
            if (c.inChannels() != in || c.outChannels() != s.channels() || c.kernelSize() != 3) {
                throw new IllegalArgumentException("conv" + conv + " is " + c.outChannels() + "x" + c.inChannels()
                        + "x" + c.kernelSize() + ", stage needs " + s.channels() + "x" + in + "x3");
            }
            in = c.outChannels();
            conv++;
        }
        if (conv != convs.size()) {
            throw new IllegalArgumentException(convs.size() + " convs for " + conv + " conv stages");
        }
        if (classifierBias.length != numClasses || classifierWeight.length != (long) numClasses * in) {
            throw new IllegalArgumentException("classifier must be [" + numClasses + "," + in + "] + bias ["
                    + numClasses + "], got " + classifierWeight.length + " + " + classifierBias.length);
        }
    }

    /** Folds a state dict of the lesson's VGG ({@link BatchNormFolding#foldVgg}). */
    public static FoldedVgg fromStateDict(StateDict stateDict) {
        return BatchNormFolding.foldVgg(stateDict);
    }

    /** Input features of the classifier (channels of the last conv). */
    public int features() {
        return classifierBias.length == 0 ? 0 : classifierWeight.length / numClasses;
    }
}
