package dev.quantlab.train;

import dev.quantlab.model.GradMode;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.data.Augmentation;
import dev.quantlab.data.BatchMaker;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.model.ForwardObserver;
import dev.quantlab.model.VggArchitecture;
import dev.quantlab.model.VggNet;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * Re-estimates BatchNorm running statistics after the weights changed (e.g. after quantization): resets
 * them, then runs forward passes in training mode over training images (no augmentation, no weight updates),
 * averaging the batch statistics with equal weight per batch.
 */
public final class BatchNormRecalibrator {
    private BatchNormRecalibrator() { }

    public static void recalibrate(NDManager parent, VggNet net, CifarSplit train, int images, int batchSize, long seed,
            ProgressListener progress, CancellationToken cancel) {
        if (images < 2) {
            throw new IllegalArgumentException("BatchNorm re-estimation needs at least 2 images (the statistics of one "
                    + "image are not defined), got " + images);
        }
        int[] order = BatchMaker.shuffled(train.balancedIndices(0), new SplittableRandom(seed));
        int total = Math.min(images, order.length);
        if (total < 2 || batchSize < 2) {
            throw new IllegalArgumentException("BatchNorm re-estimation needs batches of at least 2 images, got "
                    + total + " training images in batches of " + batchSize);
        }
        GradMode.offOnThisThread();
        for (int i = 0; i < net.architecture().convCount(); i++) {
            String bn = VggArchitecture.bnPrefix(i);
            NDArray mean = net.array(bn + "running_mean");
            NDArray var = net.array(bn + "running_var");
            mean.subi(mean);
            var.subi(var).addi(1f);
        }
        float[] buf = new float[batchSize * CifarSplit.IMAGE_BYTES];
        int batches = 0;
        for (int from = 0; from < total; from += batchSize) {
            cancel.throwIfCancelled();
            int n = Math.min(batchSize, total - from);
            if (n < 2) {
                break;
            }
            BatchMaker.fill(train, order, from, n, Augmentation.NONE, null, buf);
            batches++;
            // cumulative average: the k-th batch gets weight 1/k, i.e. DJL momentum 1 - 1/k
            float momentum = 1f - 1f / batches;
            try (NDManager m = parent.newSubManager()) {
                NDArray x = m.create(FloatBuffer.wrap(buf, 0, n * CifarSplit.IMAGE_BYTES), new Shape(n, 3, 32, 32));
                net.forward(x, true, ForwardObserver.NONE, momentum);
            }
            progress.onProgress(from + n, total, "re-estimating BatchNorm statistics");
        }
    }
}
