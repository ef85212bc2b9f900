package dev.quantlab.app.services;

import dev.quantlab.linear.pipeline.ActivationCalibrator;
import dev.quantlab.linear.pipeline.ActivationCalibrator.Clip;
import java.util.Locale;

/** How an activation range is taken from the calibration images: the pipeline's methods, one pass for all. */
public enum RangeMethod {
    /** The lesson's: the observed min and max. */
    MIN_MAX,
    /** The {@value #PERCENTILE_VALUE}th percentile at each end (outliers clipped). */
    PERCENTILE,
    /** The clip range with the smallest quantization error of the observed histogram. */
    MSE,
    /** TensorRT's entropy (KL-divergence) calibration. */
    ENTROPY;

    /** The percentile {@link #PERCENTILE} clips at. */
    public static final double PERCENTILE_VALUE = 99.99;

    /** The pipeline's settings for this method: one batch of {@code images}, seed 0, aiming at {@code bits}. */
    public ActivationCalibrator.Settings settings(int images, int bits) {
        return switch (this) {
            case MIN_MAX -> new ActivationCalibrator.Settings(1, images, 100.0, 0);
            case PERCENTILE -> new ActivationCalibrator.Settings(1, images, PERCENTILE_VALUE, 0);
            case MSE -> new ActivationCalibrator.Settings(1, images, 100.0, 0, Clip.MSE, bits);
            case ENTROPY -> new ActivationCalibrator.Settings(1, images, 100.0, 0, Clip.ENTROPY, bits);
        };
    }

    /** Whether the range depends on the activation bit width (MSE and entropy aim at it). */
    public boolean dependsOnBits() {
        return this == MSE || this == ENTROPY;
    }

    /** The method as a stored record names it ({@link ActivationCalibrator.Settings#rangesName}). */
    public String recordName() {
        return settings(CalibratedWeights.LESSON_CALIBRATION, 8).rangesName();
    }

    /** Text key of the method's short name for table rows ({@code linear.method.short.<name>}). */
    public String shortKey() {
        return "linear.method.short." + name().toLowerCase(Locale.ROOT);
    }

    /** Text key of the method's name ({@code linear.method.<name>}). */
    public String key() {
        return "linear.method." + name().toLowerCase(Locale.ROOT);
    }
}
