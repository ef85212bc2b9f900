package dev.quantlab.linear;

/**
 * Int32 bias quantization of the lesson: {@code Z = 0}, {@code S_bias[oc] = S_in * S_w[oc]}, and the shifted
 * bias {@code q_bias - Z_in * sum(q_w[oc])} that folds the input zero point into the bias, so the kernel
 * can accumulate raw {@code q_in * q_w} products.
 */
public final class BiasQuantizer {
    private BiasQuantizer() { }

    /** {@code S_in * S_w[oc]}, in float32 as the reference computes a float32 tensor times a scalar. */
    public static float[] biasScales(float[] weightScales, double inputScale) {
        LinearQuantizer.checkScale(inputScale);
        float sIn = (float) inputScale;
        float[] s = new float[weightScales.length];
        for (int oc = 0; oc < s.length; oc++) {
            s[oc] = weightScales[oc] * sIn;
        }
        return s;
    }

    /** {@code clamp_int32(round(b[oc] / (S_in * S_w[oc])))}. */
    public static int[] quantize(float[] bias, float[] weightScales, double inputScale) {
        if (bias.length != weightScales.length) {
            throw new IllegalArgumentException(bias.length + " biases for " + weightScales.length + " channels");
        }
        float[] s = biasScales(weightScales, inputScale);
        int[] q = new int[bias.length];
        for (int oc = 0; oc < q.length; oc++) {
            q[oc] = LinearQuantizer.quantizeValue(bias[oc], s[oc], 0, QuantRange.INT32);
        }
        return q;
    }

    /** {@code q_bias[oc] - Z_in * sum(q_w[oc])}, int32 arithmetic as in the reference. */
    public static int[] shift(int[] quantizedBias, QuantizedWeights weights, int inputZeroPoint) {
        int[] sums = weights.rowSums();
        if (sums.length != quantizedBias.length) {
            throw new IllegalArgumentException(quantizedBias.length + " biases for " + sums.length + " channels");
        }
        int[] shifted = new int[sums.length];
        for (int oc = 0; oc < sums.length; oc++) {
            shifted[oc] = quantizedBias[oc] - inputZeroPoint * sums[oc];
        }
        return shifted;
    }
}
