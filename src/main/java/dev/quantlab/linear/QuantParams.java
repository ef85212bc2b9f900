package dev.quantlab.linear;

/**
 * Per-tensor affine quantization parameters: {@code r = scale * (q - zeroPoint)}, q in {@code range}.
 *
 * <p>{@link #asymmetric} follows the lesson: {@code S = (rmax - rmin) / (qmax - qmin)},
 * {@code Z = round(qmin - rmin / S)} (half to even) clipped into the range. A zero-width range
 * (a constant tensor) would divide by zero; QuantLab then widens the range to include 0
 * ({@code [min(r,0), max(r,0)]}), so both the constant and 0 are exactly representable, and for an
 * all-zero tensor uses {@code S = 1, Z = qmin}.
 */
public record QuantParams(double scale, int zeroPoint, QuantRange range) {

    public QuantParams {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be positive and finite, got " + scale);
        }
        if (!range.contains(zeroPoint)) {
            throw new IllegalArgumentException("zero point " + zeroPoint + " outside " + range);
        }
    }

    /** The lesson's fixed parameters of the image input: {@code S = 1/255, Z = -128}, 8 bits. */
    public static QuantParams imageInput() {
        return new QuantParams(1.0 / 255.0, -128, QuantRange.ofBits(8));
    }

    /** Asymmetric parameters from a real range (see the class comment for the constant-tensor case). */
    public static QuantParams asymmetric(double rmin, double rmax, int bits) {
        QuantRange range = QuantRange.ofBits(bits);
        if (!Double.isFinite(rmin) || !Double.isFinite(rmax) || rmin > rmax) {
            throw new IllegalArgumentException("invalid real range [" + rmin + ", " + rmax + "]");
        }
        if (rmax - rmin == 0) {
            rmin = Math.min(rmin, 0);
            rmax = Math.max(rmax, 0);
            if (rmax - rmin == 0) {
                return new QuantParams(1.0, range.min(), range);
            }
        }
        double scale = (rmax - rmin) / range.span();
        double z = range.min() - rmin / scale;
        int zeroPoint = z < range.min() ? range.min() : z > range.max() ? range.max() : (int) Math.rint(z);
        return new QuantParams(scale, zeroPoint, range);
    }

    public static QuantParams asymmetric(MinMax minMax, int bits) {
        return asymmetric(minMax.min(), minMax.max(), bits);
    }

    /** {@code clamp(round(r / S) + Z)} in float32 like the reference (see {@link LinearQuantizer}). */
    public int quantize(float r) {
        return LinearQuantizer.quantizeValue(r, (float) scale, zeroPoint, range);
    }

    public float dequantize(int q) {
        return (float) (scale * (q - zeroPoint));
    }

    public int bits() {
        return range.bits();
    }
}
