package dev.quantlab.onnx;

import ai.djl.ndarray.NDManager;
import dev.quantlab.eval.BatchPredictor;
import dev.quantlab.eval.Evaluator;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggNet;

/**
 * Where the fp32 VGG runs when it is evaluated. {@link #FASTEST} is the engine measured fastest on this project's
 * machines that also gave the same top-1 class as {@link #LIBTORCH} on every one of the 10,000 test images
 * ({@code bench int8 --limit 0}, see the README), so accuracies do not change with it.
 */
public enum Fp32Engine {
    /** The network as trained (BatchNorm layers) on DJL/libtorch. */
    LIBTORCH,
    /** BatchNorm folded into the convs, exported to ONNX and run on ONNX Runtime (MLAS). */
    ONNX_RUNTIME_FOLDED;

    /** The engine {@code eval} and the app use by default. */
    public static final Fp32Engine FASTEST = ONNX_RUNTIME_FOLDED;

    /** A short name to print or show, e.g. "ONNX Runtime 1.22.0, BatchNorm folded". */
    public String label() {
        return this == LIBTORCH ? "libtorch (DJL)" : "ONNX Runtime " + OrtModel.version() + ", BatchNorm folded";
    }

    /** A predictor holding an open engine; close it (it closes what it opened, nothing of {@code parent}). */
    public interface Open extends BatchPredictor, AutoCloseable {
        @Override
        void close();
    }

    /**
     * Opens {@code weights} on this engine for batches of at most {@code batchSize} images; for
     * {@link #LIBTORCH} the network lives in a sub-manager of {@code parent}.
     */
    public Open open(NDManager parent, StateDict weights, int batchSize) {
        if (this == LIBTORCH) {
            NDManager m = parent.newSubManager();
            try {
                VggNet net = VggNet.fromStateDict(m, weights);
                BatchPredictor p = new Evaluator(batchSize).floatBatches(m, Evaluator.of(net));
                return new Open() {
                    @Override
                    public int[] predict(dev.quantlab.data.CifarSplit split, int[] indices, int from, int n) {
                        return p.predict(split, indices, from, n);
                    }

                    @Override
                    public void close() {
                        net.close();
                        m.close();
                    }
                };
            } catch (RuntimeException e) {
                m.close();
                throw e;
            }
        }
        OrtModel ort = OrtModel.load(OnnxExport.fp32(weights, true), 0);
        EngineBenchmark.Engine engine = EngineBenchmark.ortFloat(label(), ort);
        return new Open() {
            @Override
            public int[] predict(dev.quantlab.data.CifarSplit split, int[] indices, int from, int n) {
                return engine.predict(split, indices, from, n, null);
            }

            @Override
            public void close() {
                ort.close();
            }
        };
    }
}
