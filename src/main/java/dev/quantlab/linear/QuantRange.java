package dev.quantlab.linear;

/**
 * The signed integer range of a {@code bits}-bit quantized value: {@code [-2^(bits-1), 2^(bits-1) - 1]}.
 * Weights and activations use 2 to 8 bits ({@link #ofBits}); biases use {@link #INT32}.
 */
public record QuantRange(int bits, int min, int max) {

    /** Fewest bits QuantLab quantizes weights and activations to. */
    public static final int MIN_BITS = 2;
    /** Most bits a weight or activation may have (they are stored in a {@code byte}). */
    public static final int MAX_BITS = 8;
    /** The int32 range of quantized biases. */
    public static final QuantRange INT32 = new QuantRange(32, Integer.MIN_VALUE, Integer.MAX_VALUE);

    public QuantRange {
        if (min > max) {
            throw new IllegalArgumentException("min " + min + " > max " + max);
        }
    }

    /**
     * The range of a {@code bits}-bit weight or activation.
     *
     * @throws IllegalArgumentException unless {@code 2 <= bits <= 8}
     */
    public static QuantRange ofBits(int bits) {
        checkBits(bits);
        return new QuantRange(bits, -(1 << (bits - 1)), (1 << (bits - 1)) - 1);
    }

    /** Rejects bit widths outside 2..8 with a message that names the allowed range. */
    public static void checkBits(int bits) {
        if (bits < MIN_BITS || bits > MAX_BITS) {
            throw new IllegalArgumentException("bits must be between " + MIN_BITS + " and " + MAX_BITS
                    + " for weights and activations, got " + bits);
        }
    }

    /** Number of representable levels minus one ({@code qmax - qmin}). */
    public long span() {
        return (long) max - min;
    }

    public int clamp(long q) {
        return (int) Math.max(min, Math.min(max, q));
    }

    public boolean contains(long q) {
        return q >= min && q <= max;
    }
}
