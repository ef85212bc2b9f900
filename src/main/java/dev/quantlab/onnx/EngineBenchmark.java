package dev.quantlab.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.CancelledException;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.data.Augmentation;
import dev.quantlab.data.BatchMaker;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.eval.Classifier;
import dev.quantlab.linear.IntegerVgg;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs several inference engines on the same test images in one run: batches of {@value #BATCH} interleaved
 * engine by engine (so load changes on a shared machine hit all alike), then single images for the batch-1
 * latency. Engines that give int8 logits are compared logit by logit ({@link Agreement}).
 */
public final class EngineBenchmark {
    public static final int BATCH = 100;

    /** One engine: predicts classes, and (int8 engines) fills int8 logits. */
    public interface Engine {
        String name();

        /** Predicted classes of {@code n} images; {@code int8Logits} (may be null) receives int8 logits. */
        int[] predict(CifarSplit split, int[] indices, int from, int n, int[][] int8Logits);

        default boolean hasInt8Logits() {
            return false;
        }
    }

    /** Measurements of one engine. */
    public record EngineResult(String engine, int images, int correct, double batchSeconds, int latencyImages,
                               double latencySeconds) {
        public double accuracyPercent() {
            return 100.0 * correct / images;
        }

        /** Throughput at batch {@value #BATCH}. */
        public double imagesPerSecond() {
            return images / batchSeconds;
        }

        /** Milliseconds per image at batch {@value #BATCH}. */
        public double msPerImageBatch100() {
            return 1000.0 * batchSeconds / images;
        }

        /** Milliseconds per image at batch 1. */
        public double msPerImageBatch1() {
            return 1000.0 * latencySeconds / latencyImages;
        }
    }

    /** Two int8 engines compared image by image. */
    public record Agreement(String first, String second, int images, int identicalLogits, int sameTop1,
                            int maxLsbDifference, int logitsDiffering) {
        public double identicalPercent() {
            return 100.0 * identicalLogits / images;
        }

        public double sameTop1Percent() {
            return 100.0 * sameTop1 / images;
        }
    }

    /**
     * Everything one run measured; {@code int8Logits.get(k)} holds engine {@code k}'s int8 logits per image, or
     * null for an engine without int8 logits.
     */
    public record Report(CpuInfo cpu, List<EngineResult> engines, List<Agreement> agreements,
                         List<int[]> predictions, List<int[][]> int8Logits) {
        public Report {
            int8Logits = java.util.Collections.unmodifiableList(new ArrayList<>(int8Logits));
        }
    }

    private EngineBenchmark() { }

    /** Runs {@code engines} on {@code indices} (in batches) and {@code latencyImages} of them one at a time. */
    public static Report run(List<Engine> engines, CifarSplit split, int[] indices, int latencyImages,
                             ProgressListener progress, CancellationToken cancel) {
        int e = engines.size();
        int n = indices.length;
        long[] nanos = new long[e];
        int[][] predictions = new int[e][n];
        int[][][] logits = new int[e][][];
        for (int k = 0; k < e; k++) {
            logits[k] = engines.get(k).hasInt8Logits() ? new int[n][] : null;
            int w = Math.min(BATCH, n);
            engines.get(k).predict(split, indices, 0, w, null); // warm-up, not timed
        }
        for (int from = 0; from < n; from += BATCH) {
            int count = Math.min(BATCH, n - from);
            for (int k = 0; k < e; k++) {
                if (cancel.isCancelled()) {
                    throw new CancelledException();
                }
                int[][] l = logits[k] == null ? null : new int[count][];
                long t0 = System.nanoTime();
                int[] p = engines.get(k).predict(split, indices, from, count, l);
                nanos[k] += System.nanoTime() - t0;
                System.arraycopy(p, 0, predictions[k], from, count);
                if (l != null) {
                    System.arraycopy(l, 0, logits[k], from, count);
                }
            }
            progress.onProgress(from + count, n, "batch " + (from / BATCH + 1));
        }
        int lat = Math.min(latencyImages, n);
        long[] latency = new long[e];
        for (int i = 0; i < lat; i++) {
            for (int k = 0; k < e; k++) {
                long t0 = System.nanoTime();
                engines.get(k).predict(split, indices, i, 1, null);
                latency[k] += System.nanoTime() - t0;
            }
        }
        List<EngineResult> results = new ArrayList<>();
        for (int k = 0; k < e; k++) {
            int correct = 0;
            for (int i = 0; i < n; i++) {
                correct += predictions[k][i] == split.label(indices[i]) ? 1 : 0;
            }
            results.add(new EngineResult(engines.get(k).name(), n, correct, nanos[k] / 1e9, lat, latency[k] / 1e9));
        }
        List<Agreement> agreements = new ArrayList<>();
        for (int a = 0; a < e; a++) {
            for (int b = a + 1; b < e; b++) {
                if (logits[a] != null && logits[b] != null) {
                    agreements.add(compare(engines.get(a).name(), engines.get(b).name(), logits[a], logits[b]));
                }
            }
        }
        List<int[]> preds = new ArrayList<>();
        for (int[] p : predictions) {
            preds.add(p);
        }
        return new Report(CpuInfo.read(), results, agreements, preds, java.util.Arrays.asList(logits));
    }

    /** Image-by-image comparison of two sets of int8 logits (top-1: first maximum, as QuantLab's argmax). */
    public static Agreement compare(String first, String second, int[][] a, int[][] b) {
        int identical = 0;
        int top1 = 0;
        int maxDiff = 0;
        int differing = 0;
        for (int i = 0; i < a.length; i++) {
            boolean same = true;
            for (int c = 0; c < a[i].length; c++) {
                int d = Math.abs(a[i][c] - b[i][c]);
                if (d != 0) {
                    same = false;
                    differing++;
                }
                maxDiff = Math.max(maxDiff, d);
            }
            identical += same ? 1 : 0;
            top1 += argmax(a[i]) == argmax(b[i]) ? 1 : 0;
        }
        return new Agreement(first, second, a.length, identical, top1, maxDiff, differing);
    }

    static int argmax(int[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    static byte[] pixels(CifarSplit split, int[] indices, int from, int n) {
        byte[] images = new byte[n * CifarSplit.IMAGE_BYTES];
        for (int i = 0; i < n; i++) {
            System.arraycopy(split.pixels(), indices[from + i] * CifarSplit.IMAGE_BYTES, images,
                    i * CifarSplit.IMAGE_BYTES, CifarSplit.IMAGE_BYTES);
        }
        return images;
    }

    /** QuantLab's own integer kernels ({@link IntegerVgg}). */
    public static Engine quantLab(String name, IntegerVgg model) {
        return new Int8Engine(name) {
            @Override
            int[][] logits(byte[] images, int n) {
                return model.logits(images, n);
            }
        };
    }

    /** ONNX Runtime on a model from {@link Int8OnnxExporter}. */
    public static Engine ortInt8(String name, OrtModel ort) {
        return new Int8Engine(name) {
            @Override
            int[][] logits(byte[] images, int n) {
                return ort.int8Logits(images, n);
            }
        };
    }

    /** ONNX Runtime on a float model from {@link Fp32OnnxExporter} (images as floats, as DJL gets them). */
    public static Engine ortFloat(String name, OrtModel ort) {
        return new FloatEngine(name) {
            @Override
            int[] classes(float[] images, int n) {
                float[][] l = ort.floatLogits(images, n);
                int[] p = new int[n];
                for (int i = 0; i < n; i++) {
                    int best = 0;
                    for (int c = 1; c < l[i].length; c++) {
                        best = l[i][c] > l[i][best] ? c : best;
                    }
                    p[i] = best;
                }
                return p;
            }
        };
    }

    /** A DJL classifier (libtorch) on float batches built from the bytes. */
    public static Engine djl(String name, NDManager parent, Classifier model) {
        return new FloatEngine(name) {
            @Override
            int[] classes(float[] images, int n) {
                try (NDManager m = parent.newSubManager()) {
                    NDArray x = m.create(java.nio.FloatBuffer.wrap(images, 0, n * CifarSplit.IMAGE_BYTES),
                            new Shape(n, 3, 32, 32));
                    return model.predict(m, x);
                }
            }
        };
    }

    private abstract static class Int8Engine implements Engine {
        private final String name;

        Int8Engine(String name) {
            this.name = name;
        }

        abstract int[][] logits(byte[] images, int n);

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean hasInt8Logits() {
            return true;
        }

        @Override
        public int[] predict(CifarSplit split, int[] indices, int from, int n, int[][] out) {
            int[][] l = logits(pixels(split, indices, from, n), n);
            int[] p = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = argmax(l[i]);
                if (out != null) {
                    out[i] = l[i];
                }
            }
            return p;
        }
    }

    private abstract static class FloatEngine implements Engine {
        private final String name;
        private float[] buffer = new float[0];

        FloatEngine(String name) {
            this.name = name;
        }

        abstract int[] classes(float[] images, int n);

        @Override
        public String name() {
            return name;
        }

        @Override
        public int[] predict(CifarSplit split, int[] indices, int from, int n, int[][] out) {
            if (buffer.length < n * CifarSplit.IMAGE_BYTES) {
                buffer = new float[n * CifarSplit.IMAGE_BYTES];
            }
            BatchMaker.fill(split, indices, from, n, Augmentation.NONE, null, buffer);
            return classes(buffer, n);
        }
    }
}
