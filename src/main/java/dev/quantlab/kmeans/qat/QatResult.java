package dev.quantlab.kmeans.qat;

import dev.quantlab.kmeans.QuantizedModel;
import dev.quantlab.model.StateDict;
import java.util.List;

/**
 * Outcome of k-means quantization (+ QAT when needed) at one bit-width plan: accuracy before and after,
 * per-epoch accuracies, and the best quantized weights (every weight matrix takes only its centroids' values).
 * {@code stopped}: QAT was stopped before it finished, so the accuracies are the best so far.
 */
public record QatResult(String planDescription, int maxBits, double fp32Accuracy, double accuracyBefore,
        double accuracyAfterBnRecalibration, double bestAccuracy, boolean trained, List<Double> epochAccuracies, QuantizedModel quantized,
        StateDict bestWeights, double kmeansSeconds, double qatSeconds, boolean stopped) {

    public double dropBefore() {
        return fp32Accuracy - accuracyBefore;
    }

    public double dropAfter() {
        return fp32Accuracy - bestAccuracy;
    }
}
