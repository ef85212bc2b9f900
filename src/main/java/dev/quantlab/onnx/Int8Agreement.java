package dev.quantlab.onnx;

import java.util.List;

/**
 * QuantLab's int8 logits against ONNX Runtime's ({@code QLinearConv}) on the same test images, and why they
 * differ, as measured by {@link Int8AgreementCheck}.
 *
 * @param images          images compared
 * @param identicalLogits images whose ten int8 logits are all identical
 * @param sameTop1        images with the same predicted class (first maximum)
 * @param maxLsb          largest difference of one logit, in int8 steps (LSB)
 * @param logitsDiffering logits (of {@code 10 * images}) that differ
 * @param formulas        each requantization formula run as ONNX ops on ONNX Runtime, against both engines
 * @param cause           what the formulas show
 */
public record Int8Agreement(int images, int identicalLogits, int sameTop1, int maxLsb, int logitsDiffering,
                            List<FormulaCheck> formulas, Cause cause) {

    /** Why the two engines' logits differ. */
    public enum Cause {
        /** They do not: every logit of every image is identical. */
        NONE,
        /**
         * Only the order of rounding and zero point: ONNX Runtime rounds {@code acc * M} and then adds
         * {@code Z_out}; QuantLab (as the lesson) rounds the float32 sum {@code acc * M + Z_out}, which can land on
         * the other side of a half. Shown by both formulas, run as ONNX ops on the same int32 accumulators,
         * reproducing their engine on every image.
         */
        ZERO_POINT_AFTER_ROUNDING,
        /** Some difference is not explained by the formulas (e.g. int16 saturation of u8*s8 pairs on AVX2). */
        UNEXPLAINED
    }

    /**
     * One requantization formula run as ONNX ops after {@code ConvInteger}.
     *
     * @param requant         the formula
     * @param sameAsQuantLab  images whose logits equal QuantLab's kernels'
     * @param sameAsQLinear   images whose logits equal ONNX Runtime's QLinearConv graph's
     */
    public record FormulaCheck(Int8OnnxExporter.Requant requant, int sameAsQuantLab, int sameAsQLinear) { }

    public Int8Agreement {
        formulas = List.copyOf(formulas);
    }

    public double identicalPercent() {
        return 100.0 * identicalLogits / images;
    }

    public double sameTop1Percent() {
        return 100.0 * sameTop1 / images;
    }
}
