package dev.quantlab.app.qat;

import dev.quantlab.train.EpochResult;
import dev.quantlab.train.StepResult;
import java.util.Map;

/** What a running QAT job tells the tab, queued on the worker and applied on the FX thread. */
sealed interface QatEvent {
    /** The fp32 model's accuracy on the run's test images. */
    record Fp32(double accuracy) implements QatEvent { }

    /** How many training images the run trains on. */
    record TrainImages(int count) implements QatEvent { }

    /** Accuracy of the k-means model before QAT. */
    record Before(double accuracy) implements QatEvent { }

    /** One log line: the lesson's lines as the pipeline printed them, epoch lines numbered as the chart. */
    record Line(String text) implements QatEvent { }

    /** One training step and its wall time (forward, backward, update, centroid rule). */
    record Step(StepResult step, double seconds) implements QatEvent { }

    /** A finished epoch and the wall time of its evaluation on the test images. */
    record Epoch(EpochResult epoch, double evalSeconds) implements QatEvent { }

    /**
     * The tracked centroids of every layer: once where fine-tuning starts, then after every step.
     *
     * @param step    global step (the start: the step before the first one)
     * @param samples layer to the values of its tracked centroids (see {@link CentroidSampler})
     * @param sizes   layer to its codebook size
     */
    record Codebooks(long step, Map<String, float[]> samples, Map<String, Integer> sizes) implements QatEvent { }

    /** The run was stopped during fine-tuning: what it reached is kept like a finished run's. */
    record Stopped(QatWork.Outcome soFar) implements QatEvent { }
}
