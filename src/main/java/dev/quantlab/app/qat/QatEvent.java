package dev.quantlab.app.qat;

import dev.quantlab.train.EpochResult;
import dev.quantlab.train.StepResult;
import java.util.Map;

/** What a running QAT job tells the tab, queued on the worker and applied on the FX thread. */
sealed interface QatEvent {
    /** The fp32 model's accuracy on the run's test images. */
    record Fp32(double accuracy) implements QatEvent { }

    /** Accuracy of the k-means model before QAT. */
    record Before(double accuracy) implements QatEvent { }

    /** One of the lesson's log lines, exactly as the pipeline printed it. */
    record Line(String text) implements QatEvent { }

    record Step(StepResult step) implements QatEvent { }

    record Epoch(EpochResult epoch) implements QatEvent { }

    /**
     * The tracked centroids of every layer after a step.
     *
     * @param step    global step
     * @param samples layer to the values of its tracked centroids (see {@link CentroidSampler})
     * @param sizes   layer to its codebook size
     */
    record Codebooks(long step, Map<String, float[]> samples, Map<String, Integer> sizes) implements QatEvent { }
}
