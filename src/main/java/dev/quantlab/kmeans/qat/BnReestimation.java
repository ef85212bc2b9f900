package dev.quantlab.kmeans.qat;

import ai.djl.ndarray.NDManager;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.model.VggNet;
import dev.quantlab.train.BatchNormRecalibrator;

/** Re-estimates the BatchNorm statistics of a freshly quantized network on training images (beyond the lesson). */
record BnReestimation(int images, long seed, CancellationToken cancel) {
    private static final int BATCH = 256;

    boolean enabled() {
        return images > 0;
    }

    /** Replaces {@code net}'s running statistics with ones measured on {@code images} training images. */
    void apply(NDManager parent, VggNet net, CifarSplit train) {
        BatchNormRecalibrator.recalibrate(parent, net, train, images, BATCH, seed, ProgressListener.NONE, cancel);
    }
}
