package dev.quantlab.eval;

import dev.quantlab.model.GradMode;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.data.Augmentation;
import dev.quantlab.data.BatchMaker;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.model.VggNet;
import java.nio.FloatBuffer;

/** Measures top-1 accuracy on a split or a class-balanced subset of it, in a fixed order. */
public final class Evaluator {
    public static final int DEFAULT_BATCH = 250;

    private final int batchSize;

    public Evaluator() {
        this(DEFAULT_BATCH);
    }

    public Evaluator(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        this.batchSize = batchSize;
    }

    /** The fp32 network in inference mode as a classifier. */
    public static Classifier of(VggNet net) {
        return (mgr, images) -> net.forward(images, false).argMax(1).toType(DataType.INT32, false)
                .toIntArray();
    }

    /**
     * Evaluates a float-tensor classifier on the first {@code limit/10} images of each class
     * ({@code limit <= 0}: the whole split); batches are built from the bytes one at a time.
     */
    public EvalResult evaluate(NDManager parent, Classifier model, CifarSplit split, int limit, ProgressListener progress,
            CancellationToken cancel) {
        return evaluate(floatBatches(parent, model), split, limit, progress, cancel);
    }

    /** Adapts a classifier on float NDArrays to a predictor on stored bytes (one sub-manager per batch). */
    public BatchPredictor floatBatches(NDManager parent, Classifier model) {
        float[] buf = new float[batchSize * CifarSplit.IMAGE_BYTES];
        return (split, idx, from, n) -> {
            BatchMaker.fill(split, idx, from, n, Augmentation.NONE, null, buf);
            try (NDManager mgr = parent.newSubManager()) {
                NDArray x = mgr.create(FloatBuffer.wrap(buf, 0, n * CifarSplit.IMAGE_BYTES),
                        new Shape(n, 3, 32, 32));
                return model.predict(mgr, x);
            }
        };
    }

    /** Evaluates any predictor on a class-balanced subset ({@code limit <= 0}: all), in a fixed order. */
    public EvalResult evaluate(BatchPredictor model, CifarSplit split, int limit, ProgressListener progress,
            CancellationToken cancel) {
        GradMode.offOnThisThread();
        int[] idx = split.balancedIndices(limit);
        long[][] confusion = new long[CifarSplit.CLASSES][CifarSplit.CLASSES];
        int correct = 0;
        long start = System.nanoTime();
        for (int from = 0; from < idx.length; from += batchSize) {
            cancel.throwIfCancelled();
            int n = Math.min(batchSize, idx.length - from);
            int[] labels = BatchMaker.labels(split, idx, from, n);
            int[] pred = model.predict(split, idx, from, n);
            for (int i = 0; i < n; i++) {
                confusion[labels[i]][pred[i]]++;
                if (pred[i] == labels[i]) {
                    correct++;
                }
            }
            progress.onProgress(from + n, idx.length, "evaluated " + (from + n) + "/" + idx.length + " images");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new EvalResult(idx.length, correct, confusion, seconds);
    }
}
