package dev.quantlab.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quantlab.data.Augmentation;
import dev.quantlab.data.BatchMaker;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.model.VggNet;
import java.nio.FloatBuffer;

/**
 * Measures the data pipeline's share of evaluation time. For every batch it times the evaluator's path (bytes to
 * a float batch to forward and argmax) and, right after, the forward and argmax alone on the same batch built
 * beforehand; interleaving the two keeps load changes on the machine from favouring either.
 */
public final class EvalBenchmark {
    /** Throughput of both paths and the pipeline's overhead relative to the forward pass alone. */
    public record Result(int images, double pipelineImagesPerSecond, double forwardImagesPerSecond) {
        public double overheadPercent() {
            return 100.0 * (forwardImagesPerSecond / pipelineImagesPerSecond - 1.0);
        }
    }

    private EvalBenchmark() { }

    public static Result run(NDManager parent, VggNet net, CifarSplit split, int limit, int batchSize) {
        Evaluator evaluator = new Evaluator(batchSize);
        BatchPredictor pipeline = evaluator.floatBatches(parent, Evaluator.of(net));
        Classifier forward = Evaluator.of(net);
        int[] idx = split.balancedIndices(limit);
        pipeline.predict(split, idx, 0, Math.min(batchSize, idx.length)); // warm-up
        float[] buf = new float[batchSize * CifarSplit.IMAGE_BYTES];
        long pipelineNanos = 0;
        long forwardNanos = 0;
        for (int from = 0; from < idx.length; from += batchSize) {
            int n = Math.min(batchSize, idx.length - from);
            long t0 = System.nanoTime();
            pipeline.predict(split, idx, from, n);
            pipelineNanos += System.nanoTime() - t0;
            try (NDManager m = parent.newSubManager()) {
                BatchMaker.fill(split, idx, from, n, Augmentation.NONE, null, buf);
                NDArray x = m.create(FloatBuffer.wrap(buf, 0, n * CifarSplit.IMAGE_BYTES), new Shape(n, 3, 32, 32));
                long t1 = System.nanoTime();
                forward.predict(m, x);
                forwardNanos += System.nanoTime() - t1;
            }
        }
        return new Result(idx.length, idx.length / (pipelineNanos / 1e9), idx.length / (forwardNanos / 1e9));
    }
}
