package dev.quantlab.app.integer;

import java.util.Locale;

/** The four engines the Integer tab runs on the same test images, in the order they run and are shown. */
public enum EngineKind {
    /** The fp32 model as trained, on DJL / libtorch. */
    FP32_LIBTORCH(false),
    /** The integer-only model on QuantLab's own teaching kernels. */
    INT8_QUANTLAB(true),
    /** The same integer model exported to ONNX (QLinearConv) on ONNX Runtime. */
    INT8_ORT(true),
    /** The BatchNorm-folded fp32 model exported to ONNX on ONNX Runtime. */
    FP32_ORT(false);

    private final boolean int8;

    EngineKind(boolean int8) {
        this.int8 = int8;
    }

    public boolean int8() {
        return int8;
    }

    /** Text key of the engine's name; {@code key() + ".short"} is its two-line chart label. */
    public String key() {
        return "integer.engine." + name().toLowerCase(Locale.ROOT);
    }

    /** The engine a benchmark result names (results carry {@link #name()}). */
    public static EngineKind of(String engine) {
        return valueOf(engine);
    }
}
