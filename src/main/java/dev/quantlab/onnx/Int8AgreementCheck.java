package dev.quantlab.onnx;

import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.CancelledException;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.linear.IntegerVgg;
import dev.quantlab.linear.RequantMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Measures {@link Int8Agreement}: runs the integer model on QuantLab's kernels (unless their logits are given),
 * as {@code QLinearConv} on ONNX Runtime, and, for the float multiplier, as each {@link Int8OnnxExporter.Requant}
 * formula spelled out in ONNX ops, all on the same images, and compares them image by image.
 */
public final class Int8AgreementCheck {
    private static final int BATCH = EngineBenchmark.BATCH;

    private Int8AgreementCheck() { }

    /**
     * Compares QuantLab's int8 logits with ONNX Runtime's on {@code indices} of {@code split}.
     *
     * @param quantLabLogits QuantLab's logits of those images in that order, or null to compute them here
     * @param threads        ONNX Runtime intra-op threads ({@code <= 0}: one per core)
     */
    public static Int8Agreement measure(IntegerVgg model, CifarSplit split, int[] indices, int[][] quantLabLogits,
                                        int threads, CancellationToken cancel) {
        int n = indices.length;
        if (quantLabLogits != null && quantLabLogits.length != n) {
            throw new IllegalArgumentException(quantLabLogits.length + " QuantLab logits for " + n + " images");
        }
        int[][] quantLab = quantLabLogits != null ? quantLabLogits : run(model::logits, split, indices, cancel);
        int[][] qlinear;
        try (OrtModel ort = OrtModel.load(OnnxExport.int8(model), threads)) {
            qlinear = run(ort::int8Logits, split, indices, cancel);
        }
        Int8Agreement.Cause cause;
        List<Int8Agreement.FormulaCheck> formulas = new ArrayList<>();
        EngineBenchmark.Agreement a = EngineBenchmark.compare("QuantLab", "ONNX Runtime", quantLab, qlinear);
        if (model.config().requantMode() == RequantMode.FLOAT_MULTIPLIER) {
            Map<Int8OnnxExporter.Requant, Integer> sameAsQuantLab = new EnumMap<>(Int8OnnxExporter.Requant.class);
            Map<Int8OnnxExporter.Requant, Integer> sameAsQLinear = new EnumMap<>(Int8OnnxExporter.Requant.class);
            for (Int8OnnxExporter.Requant r : Int8OnnxExporter.Requant.values()) {
                if (r == Int8OnnxExporter.Requant.QLINEAR_CONV) {
                    continue;
                }
                int[][] logits;
                try (OrtModel ort = OrtModel.load(OnnxExport.int8(model, r), threads)) {
                    logits = run(ort::int8Logits, split, indices, cancel);
                }
                sameAsQuantLab.put(r, identicalImages(logits, quantLab));
                sameAsQLinear.put(r, identicalImages(logits, qlinear));
                formulas.add(new Int8Agreement.FormulaCheck(r, sameAsQuantLab.get(r), sameAsQLinear.get(r)));
            }
            boolean explained = sameAsQuantLab.get(Int8OnnxExporter.Requant.LESSON_FLOAT) == n
                    && sameAsQLinear.get(Int8OnnxExporter.Requant.ROUND_THEN_ZERO_POINT) == n;
            cause = a.identicalLogits() == n ? Int8Agreement.Cause.NONE
                    : explained ? Int8Agreement.Cause.ZERO_POINT_AFTER_ROUNDING : Int8Agreement.Cause.UNEXPLAINED;
        } else {
            cause = a.identicalLogits() == n ? Int8Agreement.Cause.NONE : Int8Agreement.Cause.UNEXPLAINED;
        }
        return new Int8Agreement(n, a.identicalLogits(), a.sameTop1(), a.maxLsbDifference(), a.logitsDiffering(),
                formulas, cause);
    }

    /** Images whose logits are identical in {@code a} and {@code b}. */
    static int identicalImages(int[][] a, int[][] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += java.util.Arrays.equals(a[i], b[i]) ? 1 : 0;
        }
        return same;
    }

    private interface LogitSource {
        int[][] logits(byte[] uint8Images, int n);
    }

    private static int[][] run(LogitSource engine, CifarSplit split, int[] indices, CancellationToken cancel) {
        int[][] out = new int[indices.length][];
        for (int from = 0; from < indices.length; from += BATCH) {
            if (cancel.isCancelled()) {
                throw new CancelledException();
            }
            int count = Math.min(BATCH, indices.length - from);
            int[][] l = engine.logits(EngineBenchmark.pixels(split, indices, from, count), count);
            System.arraycopy(l, 0, out, from, count);
        }
        return out;
    }
}
