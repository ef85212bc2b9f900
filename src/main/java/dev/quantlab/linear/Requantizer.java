package dev.quantlab.linear;

/**
 * Scales int32 accumulators (already holding the shifted bias) to the output's quantized range:
 * {@code q_out = clamp(round(acc * M[oc]) + Z_out)} with {@code M[oc] = S_in * S_w[oc] / S_out}. When
 * {@code Z_out} is the range minimum the clamp is the ReLU.
 *
 * <p>{@link RequantMode#FLOAT_MULTIPLIER} mirrors the reference: {@code M} in float32
 * ({@code (S_in * S_w) / S_out}), {@code float(acc) * M + Z_out}, round half to even, clamp.
 * {@link RequantMode#FIXED_POINT} uses {@link FixedPointMultiplier}s built from the double {@code M} and no
 * float at all.
 */
public final class Requantizer {
    /**
     * {@code (v + 1.5 * 2^23) - 1.5 * 2^23} rounds a float half to even for {@code |v| < 2^22} (IEEE
     * round-to-nearest-even); values are first limited to {@code +-ROUNDING_LIMIT}, far outside any 8-bit
     * range, which leaves the clamped result unchanged. Same result as {@link Math#rint}, faster.
     */
    private static final float ROUNDING_MAGIC = 12582912f;
    private static final float ROUNDING_LIMIT = 1 << 20;
    private final RequantMode mode;
    private final float[] floatMultipliers;
    private final double[] exactMultipliers;
    private final FixedPointMultiplier[] fixed;
    private final int[] m0;
    private final int[] totalShift;
    private final int outputZeroPoint;
    private final QuantRange range;

    private Requantizer(RequantMode mode, double inputScale, float[] weightScales, QuantParams output) {
        this.mode = mode;
        int n = weightScales.length;
        floatMultipliers = new float[n];
        exactMultipliers = new double[n];
        fixed = new FixedPointMultiplier[n];
        m0 = new int[n];
        totalShift = new int[n];
        for (int oc = 0; oc < n; oc++) {
            floatMultipliers[oc] = ((float) inputScale * weightScales[oc]) / (float) output.scale();
            exactMultipliers[oc] = inputScale * weightScales[oc] / output.scale();
            fixed[oc] = FixedPointMultiplier.of(exactMultipliers[oc]);
            m0[oc] = fixed[oc].m0();
            totalShift[oc] = 31 + fixed[oc].shift();
        }
        outputZeroPoint = output.zeroPoint();
        range = output.range();
    }

    /** A requantizer for a layer with these input, per-channel weight and output scales. */
    public static Requantizer create(double inputScale, float[] weightScales, QuantParams output, RequantMode mode) {
        LinearQuantizer.checkScale(inputScale);
        return new Requantizer(mode, inputScale, weightScales, output);
    }

    public RequantMode mode() {
        return mode;
    }

    public int channels() {
        return floatMultipliers.length;
    }

    public float floatMultiplier(int oc) {
        return floatMultipliers[oc];
    }

    /** {@code S_in * S_w[oc] / S_out} in double. */
    public double exactMultiplier(int oc) {
        return exactMultipliers[oc];
    }

    public FixedPointMultiplier fixedMultiplier(int oc) {
        return fixed[oc];
    }

    public int outputZeroPoint() {
        return outputZeroPoint;
    }

    public QuantRange range() {
        return range;
    }

    /** The output integer of accumulator {@code acc} of channel {@code oc}, in this requantizer's mode. */
    public int requantize(int acc, int oc) {
        if (mode == RequantMode.FLOAT_MULTIPLIER) {
            return range.clamp((long) Math.rint(acc * floatMultipliers[oc] + outputZeroPoint));
        }
        return range.clamp(fixedScaled(acc, oc) + outputZeroPoint);
    }

    /** Requantizes a row of accumulators for channels {@code 0..channels-1} into {@code out[offset..]}. */
    public void requantizeRow(int[] acc, byte[] out, int offset) {
        int n = floatMultipliers.length;
        int lo = range.min();
        int hi = range.max();
        if (mode == RequantMode.FLOAT_MULTIPLIER) {
            float z = outputZeroPoint;
            for (int oc = 0; oc < n; oc++) {
                float v = Math.max(-ROUNDING_LIMIT, Math.min(ROUNDING_LIMIT, acc[oc] * floatMultipliers[oc] + z));
                int q = (int) ((v + ROUNDING_MAGIC) - ROUNDING_MAGIC);
                out[offset + oc] = (byte) Math.max(lo, Math.min(hi, q));
            }
        } else {
            for (int oc = 0; oc < n; oc++) {
                long q = fixedScaled(acc[oc], oc) + outputZeroPoint;
                out[offset + oc] = (byte) Math.max(lo, Math.min(hi, q));
            }
        }
    }

    private long fixedScaled(int acc, int oc) {
        int s = totalShift[oc];
        if (m0[oc] == 0 || s > 62) {
            return 0;
        }
        return FixedPointMultiplier.roundingShift((long) acc * m0[oc], s);
    }

    /** Every step of the float-multiplier path. */
    public RequantSteps floatSteps(int acc, int oc) {
        float scaled = acc * floatMultipliers[oc];
        float withZ = scaled + outputZeroPoint;
        long rounded = (long) Math.rint(withZ);
        return new RequantSteps(RequantMode.FLOAT_MULTIPLIER, scaled, withZ, rounded, range.clamp(rounded));
    }

    /** Every step of the fixed-point path. */
    public RequantSteps fixedSteps(int acc, int oc) {
        long scaled = fixedScaled(acc, oc);
        long withZ = scaled + outputZeroPoint;
        return new RequantSteps(RequantMode.FIXED_POINT, scaled, withZ, withZ, range.clamp(withZ));
    }

    /** The steps of this requantizer's own mode. */
    public RequantSteps steps(int acc, int oc) {
        return mode == RequantMode.FLOAT_MULTIPLIER ? floatSteps(acc, oc) : fixedSteps(acc, oc);
    }

    /**
     * {@code round(acc * M[oc] * 2^extraBits)} without zero point or clamp: values of different channels on
     * one common, finer scale (used to compare logits). Integer-only in the fixed-point mode.
     */
    public long rescale(int acc, int oc, int extraBits) {
        if (mode == RequantMode.FLOAT_MULTIPLIER) {
            return (long) Math.rint(Math.scalb((double) acc * floatMultipliers[oc], extraBits));
        }
        return fixed[oc].applyLong(acc, extraBits);
    }
}
