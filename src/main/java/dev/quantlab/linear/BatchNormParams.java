package dev.quantlab.linear;

/** Inference-time BatchNorm parameters of one layer (per channel) and its epsilon. */
public record BatchNormParams(float[] gamma, float[] beta, float[] runningMean, float[] runningVar, double eps) {

    public BatchNormParams {
        int c = gamma.length;
        if (beta.length != c || runningMean.length != c || runningVar.length != c) {
            throw new IllegalArgumentException("BatchNorm arrays differ in length: " + c + ", " + beta.length
                    + ", " + runningMean.length + ", " + runningVar.length);
        }
        if (!(eps >= 0)) {
            throw new IllegalArgumentException("eps must be >= 0, got " + eps);
        }
    }

    public int channels() {
        return gamma.length;
    }
}
