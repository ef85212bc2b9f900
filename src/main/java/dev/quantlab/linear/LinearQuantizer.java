package dev.quantlab.linear;

/**
 * Linear (affine) quantization primitives of the lesson: {@code q = clamp(round(r / S) + Z)} and
 * {@code r = S (q - Z)}.
 *
 * <p>Arithmetic mirrors the reference framework on a float32 tensor: the division {@code r / S} is done in
 * float32 and rounded half to even ({@link Math#rint}). The reference casts the rounded value to int8
 * before adding Z, which wraps values that do not fit; QuantLab saturates instead, which is the same
 * wherever the reference does not overflow.
 */
public final class LinearQuantizer {
    private LinearQuantizer() { }

    /** The quantized range for {@code bits} (2..8). */
    public static QuantRange quantizedRange(int bits) {
        return QuantRange.ofBits(bits);
    }

    /** {@code clamp(roundHalfEven(r / scale) + zeroPoint)} element-wise, for 2..8 bits. */
    public static int[] linearQuantize(float[] r, double scale, int zeroPoint, int bits) {
        return linearQuantize(r, scale, zeroPoint, QuantRange.ofBits(bits));
    }

    /** As {@link #linearQuantize(float[], double, int, int)} for any range, {@link QuantRange#INT32} included. */
    public static int[] linearQuantize(float[] r, double scale, int zeroPoint, QuantRange range) {
        checkScale(scale);
        if (!range.contains(zeroPoint)) {
            throw new IllegalArgumentException("zero point " + zeroPoint + " outside " + range);
        }
        float s = (float) scale;
        int[] q = new int[r.length];
        for (int i = 0; i < r.length; i++) {
            q[i] = quantizeValue(r[i], s, zeroPoint, range);
        }
        return q;
    }

    /** One value: float32 division, round half to even, add the zero point, clamp. */
    static int quantizeValue(float r, float scale, int zeroPoint, QuantRange range) {
        float scaled = r / scale;
        if (Float.isNaN(scaled)) {
            throw new IllegalArgumentException("cannot quantize NaN");
        }
        return range.clamp((long) Math.rint(scaled) + zeroPoint);
    }

    /** {@code S (q - Z)} element-wise. */
    public static float[] dequantize(int[] q, double scale, int zeroPoint) {
        float[] r = new float[q.length];
        for (int i = 0; i < q.length; i++) {
            r[i] = (float) (scale * ((long) q[i] - zeroPoint));
        }
        return r;
    }

    /** {@code S (q - Z)} element-wise for int8 storage. */
    public static float[] dequantize(byte[] q, double scale, int zeroPoint) {
        float[] r = new float[q.length];
        for (int i = 0; i < q.length; i++) {
            r[i] = (float) (scale * (q[i] - zeroPoint));
        }
        return r;
    }

    /** Narrows values already inside an 8-bit-or-smaller range to bytes. */
    public static byte[] toBytes(int[] q) {
        byte[] b = new byte[q.length];
        for (int i = 0; i < q.length; i++) {
            if (q[i] < Byte.MIN_VALUE || q[i] > Byte.MAX_VALUE) {
                throw new IllegalArgumentException("value " + q[i] + " at " + i + " does not fit in int8");
            }
            b[i] = (byte) q[i];
        }
        return b;
    }

    static void checkScale(double scale) {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be positive and finite, got " + scale);
        }
    }
}
