package dev.quantlab.kmeans.qat;

import dev.quantlab.train.EpochResult;
import dev.quantlab.train.StepResult;
import dev.quantlab.train.TrainingListener;
import java.util.Map;

/** Training events plus the codebooks after every step (for centroid-trajectory charts). */
public interface QatListener extends TrainingListener {
    /**
     * Centroids of every quantized layer after global step {@code step}, and once where fine-tuning starts (before
     * its first step); arrays must not be modified.
     */
    default void onCodebooks(long step, Map<String, float[]> centroids) { }

    /** Accuracy (%) of the k-means quantized model before any fine-tuning, right after it is measured. */
    default void onQuantized(double accuracyBefore) { }

    QatListener NONE = new QatListener() { };

    /** Adapts a plain training listener. */
    static QatListener of(TrainingListener l) {
        return new QatListener() {
            @Override
            public void onStep(StepResult step) {
                l.onStep(step);
            }

            @Override
            public void onEpoch(EpochResult epoch) {
                l.onEpoch(epoch);
            }

            @Override
            public void onMessage(String line) {
                l.onMessage(line);
            }
        };
    }
}
