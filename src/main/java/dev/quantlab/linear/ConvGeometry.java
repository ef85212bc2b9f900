package dev.quantlab.linear;

/** Shape of a square 2-D convolution: channels, kernel size, stride and zero-point padding. */
public record ConvGeometry(int inChannels, int outChannels, int kernelSize, int stride, int padding) {

    public ConvGeometry {
        if (inChannels <= 0 || outChannels <= 0 || kernelSize <= 0 || stride <= 0 || padding < 0) {
            throw new IllegalArgumentException("bad conv geometry in=" + inChannels + " out=" + outChannels
                    + " k=" + kernelSize + " stride=" + stride + " padding=" + padding);
        }
    }

    /** The lesson's conv: 3x3, stride 1, padding 1. */
    public static ConvGeometry vgg(int inChannels, int outChannels) {
        return new ConvGeometry(inChannels, outChannels, 3, 1, 1);
    }

    /** Output height or width for an input of {@code size}. */
    public int outSize(int size) {
        if (size + 2 * padding < kernelSize) {
            throw new IllegalArgumentException("input " + size + " (padding " + padding + ") is smaller than kernel "
                    + kernelSize);
        }
        return (size + 2 * padding - kernelSize) / stride + 1;
    }

    /** Products per output element: {@code inChannels * k * k}. */
    public int depth() {
        return inChannels * kernelSize * kernelSize;
    }

    /** {@link #depth} rounded up to a multiple of 4, the GEMM's unroll. */
    public int paddedDepth() {
        return IntGemm.padDepth(depth());
    }
}
