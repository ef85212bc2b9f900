package dev.quantlab.app.kmeans;

import dev.quantlab.app.services.KMeansSettings;
import dev.quantlab.app.services.TestSubset;
import dev.quantlab.results.RunRecord;
import dev.quantlab.results.RunRecords;

/**
 * One row of the k-means results table: a model quantized at {@code bits} (32 for the fp32 reference),
 * its sizes and its accuracy on a test subset.
 *
 * @param bits        bits per weight (32: the fp32 model)
 * @param lessonMib   size by the lesson's rule (parameters x bits, codebooks ignored)
 * @param honestMib   packed indices + codebooks + fp32 BatchNorm/bias parameters
 * @param accuracy    top-1 accuracy in percent
 * @param drop        fp32 accuracy minus this accuracy, in points (same subset)
 * @param subset      the test images used
 * @param settings    initialisation and seed of the clustering
 */
public record RunResult(int bits, double lessonMib, double honestMib, double accuracy, double drop,
                        TestSubset subset, KMeansSettings settings) {
    public boolean isFp32() {
        return bits == 32;
    }

    /** This run for the shared results store (Compare tab). */
    public RunRecord toRecord() {
        int images = subset.isAll() ? 10_000 : subset.limit();
        return isFp32() ? RunRecords.fp32(accuracy, images)
                : RunRecords.kmeans(bits, lessonMib, honestMib, accuracy, images, settings.init(), settings.seed());
    }
}
