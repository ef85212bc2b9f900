package dev.quantlab.linear;

/** Mean squared quantization error, to compare per-channel and per-tensor weight scales. */
public final class QuantizationError {
    private QuantizationError() { }

    /** Per-channel and per-tensor MSE of one weight tensor at one bit width. */
    public record GranularityComparison(int bits, double perChannelMse, double perTensorMse) {
        /** How many times larger the per-tensor error is. */
        public double perTensorOverPerChannel() {
            return perChannelMse == 0 ? (perTensorMse == 0 ? 1 : Double.POSITIVE_INFINITY)
                    : perTensorMse / perChannelMse;
        }
    }

    /** {@code mean((a - b)^2)}. */
    public static double mse(float[] a, float[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("need two non-empty arrays of one length, got " + a.length
                    + " and " + b.length);
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            sum += d * d;
        }
        return sum / a.length;
    }

    /** MSE between a float tensor and its dequantized symmetric quantization. */
    public static double mse(float[] original, QuantizedWeights quantized) {
        return mse(original, quantized.dequantize());
    }

    /** Quantizes {@code w} both ways at {@code bits} and reports both errors. */
    public static GranularityComparison compareGranularity(float[] w, int outChannels, int bits) {
        double perChannel = mse(w, QuantizedWeights.symmetricPerChannel(w, outChannels, bits));
        double perTensor = mse(w, QuantizedWeights.symmetricPerTensor(w, outChannels, bits));
        return new GranularityComparison(bits, perChannel, perTensor);
    }
}
