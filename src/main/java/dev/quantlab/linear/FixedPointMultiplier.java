package dev.quantlab.linear;

/**
 * A real multiplier {@code M} as an int32 {@code m0} in {@code [2^30, 2^31)} and a shift {@code n} with
 * {@code M ~= m0 * 2^-(31+n)} (Jacob et al., "Quantization and Training of Neural Networks for Efficient
 * Integer-Arithmetic-Only Inference", CVPR 2018; gemmlowp/TFLite). {@code n > 0} is a right shift, the usual
 * case {@code M < 1}. {@code M = 0} is {@code m0 = 0, n = 0}.
 *
 * <p>{@link #apply} computes the exact 64-bit product {@code acc * m0} and shifts it right by {@code 31 + n}
 * with round half to even, the same tie rule as the float path, so the two differ only where the float32
 * product is off by its own rounding (at most 1 LSB).
 */
public record FixedPointMultiplier(int m0, int shift) {

    /** Multipliers must be below {@code 2^30} (a total right shift of at least 1). */
    public static final double MAX_MULTIPLIER = 0x1p30;

    public FixedPointMultiplier {
        if (m0 < 0 || (m0 != 0 && m0 < (1 << 30))) {
            throw new IllegalArgumentException("m0 must be in [2^30, 2^31) or 0, got " + m0);
        }
        if (m0 != 0 && 31 + shift < 1) {
            throw new IllegalArgumentException("shift " + shift + " gives a total right shift below 1");
        }
    }

    /** The nearest {@code m0 * 2^-(31+n)} to {@code m}. */
    public static FixedPointMultiplier of(double m) {
        if (!(m >= 0) || m >= MAX_MULTIPLIER) {
            throw new IllegalArgumentException("multiplier must be in [0, 2^30), got " + m);
        }
        if (m < Double.MIN_NORMAL) {
            return new FixedPointMultiplier(0, 0);
        }
        int e = Math.getExponent(m) + 1;           // m = f * 2^e with f in [0.5, 1)
        long q = Math.round(Math.scalb(m, 31 - e)); // f * 2^31 in [2^30, 2^31]
        if (q == (1L << 31)) {
            q >>= 1;
            e++;
        }
        return new FixedPointMultiplier((int) q, -e);
    }

    /** {@code m0 * 2^-(31+n)}. */
    public double toDouble() {
        return Math.scalb((double) m0, -(31 + shift));
    }

    /** {@code round_half_even(acc * m0 / 2^(31+n))}, saturated to int32. */
    public int apply(int acc) {
        return saturate(applyLong(acc, 0));
    }

    /** {@code round_half_even(acc * M * 2^extraBits)} without saturation (for a finer common scale). */
    public long applyLong(int acc, int extraBits) {
        if (m0 == 0) {
            return 0;
        }
        int total = 31 + shift - extraBits;
        long product = (long) acc * m0;
        if (total <= 0) {
            return product << -total;
        }
        if (total > 62) {
            return 0; // |product| < 2^62 <= 2^(total-1): below one half
        }
        return roundingShift(product, total);
    }

    /** {@code round_half_even(x / 2^s)} for {@code 1 <= s <= 62} and {@code |x| < 2^62}. */
    static long roundingShift(long x, int s) {
        long half = 1L << (s - 1);
        return (x + half - 1 + ((x >> s) & 1)) >> s;
    }

    static int saturate(long v) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }
}
