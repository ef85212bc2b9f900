package dev.quantlab.app.kmeans;

import dev.quantlab.app.services.KMeansSettings;
import dev.quantlab.app.services.TestSubset;
import dev.quantlab.kmeans.BitWidthPlan;
import dev.quantlab.kmeans.PackedModelInfo;
import dev.quantlab.model.VggArchitecture;
import dev.quantlab.results.RunRecord;
import dev.quantlab.results.RunRecords;
import java.util.stream.Collectors;

/**
 * One row of the k-means results table: a model quantized at {@code bits} (32 for the fp32 reference), or with a
 * bit-width per layer (mixed precision), its sizes and its accuracy on a test subset.
 *
 * @param bits        bits per weight (32: the fp32 model); a mixed plan's largest width
 * @param lessonMib   size by the lesson's rule (parameters x bits, codebooks ignored)
 * @param honestMib   packed indices + codebooks + fp32 BatchNorm/bias parameters
 * @param accuracy    top-1 accuracy in percent
 * @param drop        fp32 accuracy minus this accuracy, in points (same subset)
 * @param subset      the test images used
 * @param settings    initialisation and seed of the clustering
 * @param plan        the widths per layer; null for the fp32 reference and for a run at {@code bits} everywhere
 */
public record RunResult(int bits, double lessonMib, double honestMib, double accuracy, double drop,
                        TestSubset subset, KMeansSettings settings, BitWidthPlan plan) {

    /** A uniform run (or the fp32 reference). */
    public RunResult(int bits, double lessonMib, double honestMib, double accuracy, double drop, TestSubset subset,
                     KMeansSettings settings) {
        this(bits, lessonMib, honestMib, accuracy, drop, subset, settings, null);
    }

    public boolean isFp32() {
        return bits == 32;
    }

    /** Whether the layers have different widths (a mixed-precision plan). */
    public boolean isMixed() {
        return RunRecords.isMixed(plan);
    }

    /** A mixed plan's widths in architecture order, "5 2 4 4 2 1 2 2 5" (conv0..conv7, fc); empty otherwise. */
    public String widths() {
        if (!isMixed()) {
            return "";
        }
        return VggArchitecture.cifarVgg().weightMatrices().stream().map(s -> Integer.toString(plan.bitsFor(s)))
                .collect(Collectors.joining(" "));
    }

    /**
     * This run for the shared results store (Compare tab); the fp32 row is the model loaded from
     * {@code modelFileName} ({@code packed}: what that file is when packed, else null), recorded as
     * {@link RunRecords#evaluation} records it.
     */
    public RunRecord toRecord(String modelFileName, PackedModelInfo packed) {
        int images = subset.isAll() ? 10_000 : subset.limit();
        if (isFp32()) {
            return RunRecords.evaluation(modelFileName, packed, accuracy, images);
        }
        return RunRecords.withPlan(RunRecords.kmeans(bits, lessonMib, honestMib, accuracy, images, settings.init(),
                settings.seed()), plan);
    }
}
