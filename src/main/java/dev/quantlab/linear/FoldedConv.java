package dev.quantlab.linear;

/**
 * A float conv layer with BatchNorm folded in: weight {@code [outChannels, inChannels, k, k]} (PyTorch order)
 * and bias {@code [outChannels]}. Arrays are shared, not copied.
 */
public record FoldedConv(float[] weight, float[] bias, int outChannels, int inChannels, int kernelSize) {

    public FoldedConv {
        if (outChannels <= 0 || inChannels <= 0 || kernelSize <= 0) {
            throw new IllegalArgumentException("bad conv shape " + outChannels + "x" + inChannels + "x" + kernelSize);
        }
        if (weight.length != (long) outChannels * inChannels * kernelSize * kernelSize) {
            throw new IllegalArgumentException("weight has " + weight.length + " values, shape ["
                    + outChannels + "," + inChannels + "," + kernelSize + "," + kernelSize + "] needs "
                    + (long) outChannels * inChannels * kernelSize * kernelSize);
        }
        if (bias.length != outChannels) {
            throw new IllegalArgumentException("bias has " + bias.length + " values for " + outChannels + " channels");
        }
    }
}
