package dev.quantlab.linear;

import java.util.Arrays;

/**
 * Builds the patch rows of a convolution from NHWC int8 input: for output pixel {@code p} (image, y, x in
 * row-major order) the row holds the {@code k x k x inChannels} input window in {@code (ky, kx, ic)} order,
 * with positions outside the image holding the input zero point (a real 0), then zeros up to
 * {@link ConvGeometry#paddedDepth()}. The input is first widened once into a padded int copy, so every
 * kernel row of a window is one contiguous {@code k * inChannels} copy.
 */
final class Im2Col {
    private Im2Col() { }

    /** The input as ints, padded on every side by {@code padding} positions holding {@code zeroPoint}. */
    static PaddedInput pad(Int8Activations in, ConvGeometry g, int zeroPoint) {
        int p = g.padding();
        int h = in.height() + 2 * p;
        int w = in.width() + 2 * p;
        int c = in.channels();
        int[] data = new int[in.batch() * h * w * c];
        if (zeroPoint != 0) {
            Arrays.fill(data, zeroPoint);
        }
        byte[] src = in.data();
        int rowLength = in.width() * c;
        for (int n = 0; n < in.batch(); n++) {
            for (int y = 0; y < in.height(); y++) {
                int s = in.index(n, y, 0, 0);
                int d = ((n * h + y + p) * w + p) * c;
                for (int i = 0; i < rowLength; i++) {
                    data[d + i] = src[s + i];
                }
            }
        }
        return new PaddedInput(data, in.batch(), h, w, c, g.outSize(in.height()), g.outSize(in.width()));
    }

    /** A zero-point-padded int copy of the input and the output size it gives. */
    record PaddedInput(int[] data, int batch, int height, int width, int channels, int outHeight, int outWidth) { }

    /** Patch rows of output pixels {@code [from, to)}, {@code paddedDepth} ints each, in a new array. */
    static int[] patches(PaddedInput in, ConvGeometry g, int from, int to) {
        int[] a = new int[(to - from) * g.paddedDepth()];
        patches(in, g, from, to, a);
        return a;
    }

    /**
     * Writes the patch rows of output pixels {@code [from, to)} to the start of {@code a}; the columns past
     * {@link ConvGeometry#depth()} are left as they are (zero in a fresh or reused patch buffer).
     */
    static void patches(PaddedInput in, ConvGeometry g, int from, int to, int[] a) {
        int k = g.kernelSize();
        int run = k * in.channels();
        int depth = g.paddedDepth();
        int[] src = in.data();
        int perImage = in.outHeight() * in.outWidth();
        for (int p = from; p < to; p++) {
            int n = p / perImage;
            int oy = p / in.outWidth() % in.outHeight();
            int ox = p % in.outWidth();
            int dst = (p - from) * depth;
            int s = ((n * in.height() + oy * g.stride()) * in.width() + ox * g.stride()) * in.channels();
            for (int ky = 0; ky < k; ky++) {
                System.arraycopy(src, s, a, dst, run);
                s += in.width() * in.channels();
                dst += run;
            }
        }
    }
}
