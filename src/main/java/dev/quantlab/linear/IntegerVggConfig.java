package dev.quantlab.linear;

import java.util.Objects;

/**
 * Choices for building an {@link IntegerVgg}. {@link #lesson()} reproduces the lesson: 8-bit per-channel
 * weights, 8-bit activations, float multiplier, truncating average pool, each layer's input parameters from
 * its own observed input range, argmax over the requantized int8 logits.
 */
public record IntegerVggConfig(int weightBits, int activationBits, WeightGranularity granularity,
                               RequantMode requantMode, AvgPoolRounding avgPoolRounding, ScaleSource scaleSource,
                               LogitMode logitMode) {

    /** Where a layer's input scale and zero point come from. */
    public enum ScaleSource {
        /** From the layer's own observed input range (the lesson; may differ from how the data was quantized). */
        LAYER_INPUT_RANGES,
        /** From the producing layer's output parameters, so data and interpretation always agree. */
        PREVIOUS_OUTPUT
    }

    /** What {@link IntegerVgg#logits} returns and {@link IntegerVgg#predict} takes the argmax of. */
    public enum LogitMode {
        /** The classifier's requantized int8 outputs (the lesson). */
        INT8,
        /** The int32 accumulators on one common scale ({@code S_out / 256}), no clamp: no ties from rounding. */
        INT32
    }

    public IntegerVggConfig {
        QuantRange.checkBits(weightBits);
        QuantRange.checkBits(activationBits);
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(requantMode, "requantMode");
        Objects.requireNonNull(avgPoolRounding, "avgPoolRounding");
        Objects.requireNonNull(scaleSource, "scaleSource");
        Objects.requireNonNull(logitMode, "logitMode");
    }

    public static IntegerVggConfig lesson() {
        return new IntegerVggConfig(8, 8, WeightGranularity.PER_CHANNEL, RequantMode.FLOAT_MULTIPLIER,
                AvgPoolRounding.TRUNCATE, ScaleSource.LAYER_INPUT_RANGES, LogitMode.INT8);
    }

    public IntegerVggConfig withWeightBits(int bits) {
        return new IntegerVggConfig(bits, activationBits, granularity, requantMode, avgPoolRounding, scaleSource,
                logitMode);
    }

    public IntegerVggConfig withActivationBits(int bits) {
        return new IntegerVggConfig(weightBits, bits, granularity, requantMode, avgPoolRounding, scaleSource,
                logitMode);
    }

    public IntegerVggConfig withGranularity(WeightGranularity g) {
        return new IntegerVggConfig(weightBits, activationBits, g, requantMode, avgPoolRounding, scaleSource,
                logitMode);
    }

    public IntegerVggConfig withRequantMode(RequantMode mode) {
        return new IntegerVggConfig(weightBits, activationBits, granularity, mode, avgPoolRounding, scaleSource,
                logitMode);
    }

    public IntegerVggConfig withAvgPoolRounding(AvgPoolRounding rounding) {
        return new IntegerVggConfig(weightBits, activationBits, granularity, requantMode, rounding, scaleSource,
                logitMode);
    }

    public IntegerVggConfig withScaleSource(ScaleSource source) {
        return new IntegerVggConfig(weightBits, activationBits, granularity, requantMode, avgPoolRounding, source,
                logitMode);
    }

    public IntegerVggConfig withLogitMode(LogitMode mode) {
        return new IntegerVggConfig(weightBits, activationBits, granularity, requantMode, avgPoolRounding,
                scaleSource, mode);
    }
}
