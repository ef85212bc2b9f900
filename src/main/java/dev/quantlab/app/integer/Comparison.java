package dev.quantlab.app.integer;

import dev.quantlab.app.services.LinearRun;
import dev.quantlab.eval.EvalResult;

/**
 * The fp32 model and the integer-only model measured on the same test images.
 *
 * @param fp32    the fp32 model on DJL / libtorch
 * @param integer the integer model on QuantLab's int8 kernels
 * @param run     the integer run as recorded (sizes, configuration)
 */
public record Comparison(EvalResult fp32, EvalResult integer, LinearRun run) {
    /** Milliseconds per image. */
    public static double latencyMs(EvalResult r) {
        return r.images() == 0 ? Double.NaN : 1000.0 * r.seconds() / r.images();
    }
}
