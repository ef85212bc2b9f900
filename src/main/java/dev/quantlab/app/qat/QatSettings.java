package dev.quantlab.app.qat;

import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.services.KMeansSettings;
import dev.quantlab.app.services.TestSubset;
import dev.quantlab.kmeans.qat.QatConfig;
import dev.quantlab.kmeans.qat.UpdateRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The parameters of one QAT run, checked before anything starts. The lesson's optimiser (SGD, lr 0.01,
 * momentum 0.9, cosine schedule) is fixed; the learner picks what changes how long a run takes.
 *
 * @param bits          bits per weight, 1..8
 * @param rule          how centroids move: the lesson's mean rule or the true gradient
 * @param epochs        most epochs, 1..5 (QAT stops early once the drop is within the threshold)
 * @param epochFraction fraction of each epoch's batches to run, (0, 1]
 * @param batchSize     training images per step
 * @param threshold     largest acceptable accuracy drop versus fp32, in points
 * @param subset        test images for every evaluation
 * @param seed          k-means starts and batch order
 */
public record QatSettings(int bits, UpdateRule rule, int epochs, double epochFraction, int batchSize,
                          double threshold, TestSubset subset, long seed) {
    public static final int MIN_BITS = 1;
    public static final int MAX_BITS = 8;
    public static final int MAX_EPOCHS = 5;
    public static final double LR = 0.01;
    public static final double MOMENTUM = 0.9;
    public static final List<Double> FRACTIONS = List.of(0.01, 0.05, 0.25, 1.0);
    public static final List<Integer> BATCH_SIZES = List.of(32, 64, 128, 256, 512);

    /** Small enough to see 2-bit recovery on a laptop in a few minutes. */
    public static final QatSettings DEFAULT = new QatSettings(2, UpdateRule.MEAN, 1, 0.05, 128, 0.5,
            new TestSubset(500), KMeansSettings.DEFAULT.seed());

    /** What is wrong with these settings, in {@code texts}' language; empty when they can run. */
    public List<String> problems(Texts texts) {
        List<String> p = new ArrayList<>();
        if (bits < MIN_BITS || bits > MAX_BITS) {
            p.add(texts.t("qat.problem.bits", MIN_BITS, MAX_BITS));
        }
        if (rule == null) {
            p.add(texts.t("qat.problem.rule"));
        }
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            p.add(texts.t("qat.problem.epochs", MAX_EPOCHS));
        }
        if (!(epochFraction > 0) || epochFraction > 1) {
            p.add(texts.t("qat.problem.fraction"));
        }
        if (batchSize < 1) {
            p.add(texts.t("qat.problem.batch"));
        }
        if (!(threshold >= 0) || threshold > 100) {
            p.add(texts.t("qat.problem.threshold"));
        }
        if (subset == null) {
            p.add(texts.t("qat.problem.subset"));
        }
        return p;
    }

    /** The pipeline's configuration for these settings (call only when {@link #problems()} is empty). */
    public QatConfig toConfig() {
        Objects.requireNonNull(subset);
        return QatConfig.builder().epochs(epochs).threshold(threshold).lr(LR).momentum(MOMENTUM).weightDecay(0.0)
                .batchSize(batchSize).rule(rule).epochFraction(epochFraction).evalLimit(subset.limit()).seed(seed)
                .bnRecalibrationImages(0).build();
    }
}
