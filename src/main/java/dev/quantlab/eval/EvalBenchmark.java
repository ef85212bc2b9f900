package dev.quantlab.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.data.Augmentation;
import dev.quantlab.data.BatchMaker;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.model.VggNet;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the data pipeline's share of evaluation time: the full evaluator (bytes to batches to forward)
 * against the same forward passes on batches built beforehand, on the same images in one run.
 */
public final class EvalBenchmark {
    /** Throughput of both runs and the pipeline's overhead relative to the forward pass alone. */
    public record Result(int images, double pipelineImagesPerSecond, double forwardImagesPerSecond) {
        public double overheadPercent() {
            return 100.0 * (forwardImagesPerSecond / pipelineImagesPerSecond - 1.0);
        }
    }

    private EvalBenchmark() { }

    public static Result run(NDManager parent, VggNet net, CifarSplit split, int limit, int batchSize) {
        Evaluator evaluator = new Evaluator(batchSize);
        // warm-up: first calls pay for lazy engine initialisation
        evaluator.evaluate(parent, Evaluator.of(net), split, Math.min(batchSize, 50), ProgressListener.NONE,
                CancellationToken.none());
        EvalResult full = evaluator.evaluate(parent, Evaluator.of(net), split, limit, ProgressListener.NONE,
                CancellationToken.none());

        int[] idx = split.balancedIndices(limit);
        try (NDManager pre = parent.newSubManager()) {
            List<NDArray> batches = new ArrayList<>();
            float[] buf = new float[batchSize * CifarSplit.IMAGE_BYTES];
            for (int from = 0; from < idx.length; from += batchSize) {
                int n = Math.min(batchSize, idx.length - from);
                BatchMaker.fill(split, idx, from, n, Augmentation.NONE, null, buf);
                batches.add(pre.create(java.nio.FloatBuffer.wrap(buf, 0, n * CifarSplit.IMAGE_BYTES),
                        new Shape(n, 3, 32, 32)));
            }
            long t0 = System.nanoTime();
            for (NDArray x : batches) {
                try (NDManager m = pre.newSubManager()) {
                    NDArray in = x.duplicate();
                    in.attach(m);
                    Evaluator.of(net).predict(m, in);
                }
            }
            double forwardSeconds = (System.nanoTime() - t0) / 1e9;
            return new Result(idx.length, full.imagesPerSecond(), idx.length / forwardSeconds);
        }
    }
}
