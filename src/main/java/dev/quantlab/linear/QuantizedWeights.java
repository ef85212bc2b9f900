package dev.quantlab.linear;

import java.util.Arrays;

/**
 * A symmetrically quantized weight tensor ({@code Z = 0}) whose first dimension is the output channel.
 * {@code values} holds the integers row-major in the float tensor's order; {@code scales[oc]} is the
 * scale of output channel {@code oc} (all equal for {@link WeightGranularity#PER_TENSOR}).
 * Scales are float32 as in the reference, {@code S = max(|W|, 5e-7) / qmax}. The arrays are shared,
 * not copied: treat them as read-only.
 */
public record QuantizedWeights(byte[] values, float[] scales, int outChannels, QuantRange range,
                               WeightGranularity granularity) {

    /** Smallest magnitude used to compute a scale, so an all-zero channel does not give {@code S = 0}. */
    public static final double MIN_ABS_MAX = 5e-7;

    public QuantizedWeights {
        if (outChannels <= 0 || values.length % outChannels != 0) {
            throw new IllegalArgumentException(values.length + " weights do not split into " + outChannels
                    + " output channels");
        }
        if (scales.length != outChannels) {
            throw new IllegalArgumentException("need " + outChannels + " scales, got " + scales.length);
        }
    }

    /** Symmetric per-output-channel quantization (the lesson's weights). */
    public static QuantizedWeights symmetricPerChannel(float[] w, int outChannels, int bits) {
        return quantize(w, outChannels, bits, WeightGranularity.PER_CHANNEL);
    }

    /** Symmetric quantization with one scale for the whole tensor. */
    public static QuantizedWeights symmetricPerTensor(float[] w, int outChannels, int bits) {
        return quantize(w, outChannels, bits, WeightGranularity.PER_TENSOR);
    }

    /** Symmetric quantization of {@code w} ({@code outChannels} rows) at {@code bits} (2..8). */
    public static QuantizedWeights quantize(float[] w, int outChannels, int bits, WeightGranularity granularity) {
        QuantRange range = QuantRange.ofBits(bits);
        if (outChannels <= 0 || w.length % outChannels != 0) {
            throw new IllegalArgumentException(w.length + " weights do not split into " + outChannels
                    + " output channels");
        }
        int perRow = w.length / outChannels;
        float[] scales = new float[outChannels];
        if (granularity == WeightGranularity.PER_TENSOR) {
            Arrays.fill(scales, scaleFor(absMax(w, 0, w.length), range));
        } else {
            for (int oc = 0; oc < outChannels; oc++) {
                scales[oc] = scaleFor(absMax(w, oc * perRow, perRow), range);
            }
        }
        byte[] q = new byte[w.length];
        for (int oc = 0; oc < outChannels; oc++) {
            for (int i = oc * perRow, end = i + perRow; i < end; i++) {
                q[i] = (byte) LinearQuantizer.quantizeValue(w[i], scales[oc], 0, range);
            }
        }
        return new QuantizedWeights(q, scales, outChannels, range, granularity);
    }

    private static float scaleFor(float absMax, QuantRange range) {
        return (float) (Math.max(absMax, MIN_ABS_MAX) / range.max());
    }

    private static float absMax(float[] w, int from, int length) {
        float m = 0;
        for (int i = from; i < from + length; i++) {
            if (Float.isNaN(w[i])) {
                throw new IllegalArgumentException("weight " + i + " is NaN");
            }
            m = Math.max(m, Math.abs(w[i]));
        }
        return m;
    }

    public int bits() {
        return range.bits();
    }

    /** Elements per output channel. */
    public int perChannel() {
        return values.length / outChannels;
    }

    /** {@code q[oc][...]} as an int. */
    public int value(int oc, int i) {
        return values[oc * perChannel() + i];
    }

    /** {@code sum(q_w[oc])} for every output channel (used by the shifted bias). */
    public int[] rowSums() {
        int per = perChannel();
        int[] sums = new int[outChannels];
        for (int oc = 0; oc < outChannels; oc++) {
            int s = 0;
            for (int i = oc * per, end = i + per; i < end; i++) {
                s += values[i];
            }
            sums[oc] = s;
        }
        return sums;
    }

    /** {@code S[oc] * q} for every element. */
    public float[] dequantize() {
        int per = perChannel();
        float[] r = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            r[i] = scales[i / per] * values[i];
        }
        return r;
    }

    /** Bytes of the integers when packed at {@code bits} per weight (rounded up to a whole byte). */
    public long packedBytes() {
        return ((long) values.length * bits() + 7) / 8;
    }
}
