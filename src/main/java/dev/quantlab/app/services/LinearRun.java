package dev.quantlab.app.services;

import dev.quantlab.app.i18n.Texts;
import dev.quantlab.linear.IntegerVggConfig;
import dev.quantlab.linear.RequantMode;
import dev.quantlab.linear.WeightGranularity;

/**
 * One finished run of the integer-only model: how it was built, its sizes, and its accuracy and speed on a test
 * subset (with the fp32 model's accuracy on the same images when known).
 *
 * @param method       {@code "linear"} (Linear tab) or {@code "integer"} (Integer tab)
 * @param config       bit widths and options of the integer model
 * @param calibration  training images the activation ranges came from
 * @param ranges       how the activation ranges were taken from them
 * @param lessonMib    size by the lesson's rule: parameters x weight bits
 * @param storedMib    the integer weights packed at their bit width plus int32 biases, as stored
 * @param accuracy     top-1 accuracy in percent
 * @param fp32Accuracy the fp32 model's accuracy on the same images, or NaN if not measured
 * @param subset       the test images used
 * @param images       how many images were evaluated
 * @param imagesPerSecond throughput of the integer model on this machine
 */
public record LinearRun(String method, IntegerVggConfig config, int calibration, RangeMethod ranges, double lessonMib, double storedMib,
                        double accuracy, double fp32Accuracy, TestSubset subset, int images,
                        double imagesPerSecond) {
    /** fp32 accuracy minus this accuracy, in points, or NaN. */
    public double drop() {
        return fp32Accuracy - accuracy;
    }

    /**
     * The model's short name: {@code W8A8}, {@code W4A8 per-tensor}, {@code W8A8 fixed-point}, followed by the
     * activation ranges unless they are the lesson's min/max: {@code W4A4 · MSE}, {@code W4A4 · KL}.
     */
    public String modelName(Texts texts) {
        return modelName(texts, config) + (ranges == RangeMethod.MIN_MAX ? "" : " · " + texts.t(ranges.shortKey()));
    }

    /** The short name of an integer model built with {@code c}, in the language of {@code texts}. */
    public static String modelName(Texts texts, IntegerVggConfig c) {
        String s = "W" + c.weightBits() + "A" + c.activationBits();
        if (c.granularity() == WeightGranularity.PER_TENSOR) {
            s += " " + texts.t("linear.runs.perTensor");
        }
        if (c.requantMode() == RequantMode.FIXED_POINT) {
            s += " " + texts.t("linear.runs.fixedPoint");
        }
        return s;
    }
}
