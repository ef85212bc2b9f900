package dev.quantlab.kmeans;

/**
 * The bit-widths k-means quantization supports: 1 to 8 bits per weight, that is a codebook of
 * 2 to 256 centroids per layer (a label then fits in one unsigned byte).
 */
public final class BitWidth {
    /** Smallest supported bit-width. */
    public static final int MIN = 1;
    /** Largest supported bit-width. */
    public static final int MAX = 8;

    private BitWidth() { }

    /**
     * Returns {@code bits} unchanged if it lies in 1..8.
     *
     * @throws IllegalArgumentException otherwise, e.g. "bit-width must be between 1 and 8, got 9"
     */
    public static int check(int bits) {
        if (bits < MIN || bits > MAX) {
            throw new IllegalArgumentException(
                    "bit-width must be between " + MIN + " and " + MAX + ", got " + bits);
        }
        return bits;
    }

    /** The codebook capacity {@code 2^bits} of a valid bit-width. */
    public static int centroidCount(int bits) {
        return 1 << check(bits);
    }
}
