package dev.quantlab.kmeans.qat;

import dev.quantlab.kmeans.QuantizedModel;
import dev.quantlab.model.StateDict;
import java.util.List;

/**
 * Outcome of k-means quantization (+ QAT when needed) at one bit-width plan, in named parts: the plan and its
 * k-means model, the accuracies, the fine-tuning, and the best quantized weights (every weight matrix takes only
 * its centroids' values). The accessors below read through the parts.
 */
public record QatResult(Quantized quantization, Accuracies accuracies, Training training, StateDict bestWeights) {

    /** The plan, its k-means model and how long k-means took. */
    public record Quantized(String planDescription, int maxBits, QuantizedModel model, double kmeansSeconds) { }

    /**
     * Top-1 accuracies (%): fp32, k-means before any fine-tuning, after BatchNorm re-estimation (NaN when off)
     * and the best reached (the start when not fine-tuned).
     */
    public record Accuracies(double fp32, double before, double afterBnRecalibration, double best) { }

    /**
     * Whether QAT ran, each finished epoch's accuracy, whether it was stopped before it finished (the accuracies
     * are then the best so far) and its wall time.
     */
    public record Training(boolean trained, List<Double> epochAccuracies, boolean stopped, double qatSeconds) {
        public Training {
            epochAccuracies = List.copyOf(epochAccuracies);
        }

        static final Training NONE = new Training(false, List.of(), false, 0);
    }

    public String planDescription() {
        return quantization.planDescription();
    }

    public int maxBits() {
        return quantization.maxBits();
    }

    public QuantizedModel quantized() {
        return quantization.model();
    }

    public double kmeansSeconds() {
        return quantization.kmeansSeconds();
    }

    public double fp32Accuracy() {
        return accuracies.fp32();
    }

    public double accuracyBefore() {
        return accuracies.before();
    }

    public double accuracyAfterBnRecalibration() {
        return accuracies.afterBnRecalibration();
    }

    public double bestAccuracy() {
        return accuracies.best();
    }

    public boolean trained() {
        return training.trained();
    }

    public List<Double> epochAccuracies() {
        return training.epochAccuracies();
    }

    public boolean stopped() {
        return training.stopped();
    }

    public double qatSeconds() {
        return training.qatSeconds();
    }
}
