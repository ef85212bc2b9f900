package dev.quantlab.onnx;

import dev.quantlab.linear.AvgPoolRounding;
import dev.quantlab.linear.FixedPointMultiplier;
import dev.quantlab.linear.IntegerVgg;
import dev.quantlab.linear.IntegerVggConfig;
import dev.quantlab.linear.QuantParams;
import dev.quantlab.linear.QuantizedLayer;
import dev.quantlab.linear.QuantizedWeights;
import dev.quantlab.linear.RequantMode;
import dev.quantlab.linear.Requantizer;
import dev.quantlab.model.VggArchitecture;
import java.util.List;

/**
 * QuantLab's calibrated integer-only VGG as a standard ONNX graph (QOperator form) carrying its exact integers:
 * the int8 weights, int32 biases, every scale and zero point. Activations travel as uint8 ({@code u = q + 128},
 * zero point {@code Z + 128}: the same real values and the same integer arithmetic as QuantLab's int8), so the
 * input {@code images} is the raw uint8 pixels {@code [N,3,32,32]} ({@code S = 1/255}, {@code u = pixel}).
 * Outputs: {@code int8_logits} (QuantLab's int8 logits) and {@code logits} (their real values).
 *
 * <ul>
 *   <li>Float multiplier (the lesson): each conv, and the classifier as a 1x1 conv, is a {@code QLinearConv}
 *       whose {@code x_scale * w_scale[oc] / y_scale} is QuantLab's float32 {@code M[oc]}; the bias input is
 *       QuantLab's unshifted int32 bias (the runtime subtracts {@code x_zero_point} and pads with it).</li>
 *   <li>Fixed point: {@code ConvInteger} (weights as {@code q + 128} with zero point 128) plus the int32 bias,
 *       then {@code round_half_even(acc * M0 / 2^(31+n))} spelled out in int64 ops ({@code Mul}, {@code Mod},
 *       {@code Div}, comparisons), {@code + Z_out} and the clamp: QuantLab's fixed-point path op for op.</li>
 *   <li>Max-pool is {@code MaxPool} on uint8 (exact); the 2x2 average pool sums in int64
 *       ({@code ReduceSum}) and divides by 4 with QuantLab's rounding: truncation is int64 {@code Div}.</li>
 * </ul>
 */
public final class Int8OnnxExporter {
    public static final String INPUT = "images";
    public static final String INT8_LOGITS = "int8_logits";
    public static final String LOGITS = "logits";
    private static final int U8_OFFSET = 128;

    /**
     * How a float-multiplier model's layers requantize in the graph (the fixed-point model always uses its exact
     * int64 ops). Only {@link #QLINEAR_CONV} runs on ONNX Runtime's packed int8 kernels end to end; the others
     * compute the int32 accumulator with {@code ConvInteger} and spell the requantization out in float ops, so
     * that each rounding formula can be run and compared on the same accumulators.
     */
    public enum Requant {
        /** {@code QLinearConv}: the runtime rounds {@code acc * M} and then adds {@code Z_out} (MLAS). Fast. */
        QLINEAR_CONV,
        /** The lesson's (and QuantLab's) formula {@code round(float(acc) * M + Z_out)} in float32 ops. */
        LESSON_FLOAT,
        /** QLinearConv's formula {@code round(float(acc) * M) + Z_out} in float32 ops (an experiment). */
        ROUND_THEN_ZERO_POINT,
        /** {@code round(acc * M + Z_out)} with {@code M = S_in * S_w / S_out} in double (an experiment). */
        DOUBLE_MULTIPLIER
    }

    private final OnnxGraph g;
    private final boolean fixedPoint;
    private final Requant requant;

    private Int8OnnxExporter(OnnxGraph g, boolean fixedPoint, Requant requant) {
        this.g = g;
        this.fixedPoint = fixedPoint;
        this.requant = requant;
    }

    /** The ONNX bytes of {@code model} ({@link Requant#QLINEAR_CONV}); 8-bit activations and int8 logits only. */
    public static byte[] export(IntegerVgg model) {
        return export(model, Requant.QLINEAR_CONV);
    }

    /**
     * The ONNX bytes of {@code model} with a float-multiplier model's layers requantized as {@code requant} says
     * (ignored for the fixed-point model); 8-bit activations and int8 logits only.
     */
    public static byte[] export(IntegerVgg model, Requant requant) {
        java.util.Objects.requireNonNull(requant, "requant");
        IntegerVggConfig c = model.config();
        if (c.activationBits() != 8) {
            throw new IllegalArgumentException("ONNX export needs 8-bit activations, the model has "
                    + c.activationBits());
        }
        if (c.logitMode() != IntegerVggConfig.LogitMode.INT8) {
            throw new IllegalArgumentException("ONNX export writes int8 logits; the model uses " + c.logitMode());
        }
        boolean fixed = c.requantMode() == RequantMode.FIXED_POINT;
        OnnxGraph g = new OnnxGraph(fixed ? "quantlab_vgg_int8_fixed_point" : "quantlab_vgg_int8");
        return new Int8OnnxExporter(g, fixed, fixed ? Requant.QLINEAR_CONV : requant).build(model);
    }

    private byte[] build(IntegerVgg model) {
        g.input(INPUT, OnnxGraph.UINT8, "N", 3L, 32L, 32L);
        String x = INPUT;
        int conv = 0;
        for (VggArchitecture.Stage s : model.stages()) {
            if (s.isPool()) {
                x = Fp32OnnxExporter.maxPool(g, x);
            } else {
                x = layer("conv" + conv, x, model.convs().get(conv), 3, 1);
                conv++;
            }
        }
        x = averagePool(x, model.config().avgPoolRounding());
        x = layer("classifier", x, model.classifier(), 1, 0);
        String flat = g.node("Flatten", "classifier.flat", List.of(x), OnnxGraph.Attribute.of("axis", 1L));
        String wide = g.node("Cast", "classifier.int32", List.of(flat), OnnxGraph.Attribute.of("to", (long) OnnxGraph.INT32));
        String q = g.node("Sub", "classifier.q", List.of(wide, g.ints("u8_offset_i32", new int[] {U8_OFFSET})));
        g.node("Cast", INT8_LOGITS, List.of(q), OnnxGraph.Attribute.of("to", (long) OnnxGraph.INT8));
        QuantParams out = model.classifier().output();
        g.node("DequantizeLinear", LOGITS, List.of(flat, scalarScale("logits.scale", out.scale()),
                zeroPoint("logits.zero_point", out.zeroPoint())));
        int classes = model.classifier().outFeatures();
        g.output(INT8_LOGITS, OnnxGraph.INT8, "N", (long) classes);
        g.output(LOGITS, OnnxGraph.FLOAT, "N", (long) classes);
        String doc = "QuantLab integer-only VGG on CIFAR-10: " + model.config().weightBits() + "-bit "
                + model.config().granularity().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + " weights, 8-bit activations, " + (fixedPoint ? "fixed-point multiplier" : requantText())
                + ", average pool " + model.config().avgPoolRounding().name().toLowerCase(java.util.Locale.ROOT)
                + ". Input: uint8 pixels.";
        return g.toModel("QuantLab", "0.1.0", OnnxExport.OPSET, doc);
    }

    private String layer(String p, String x, QuantizedLayer layer, int k, int pad) {
        QuantizedWeights w = layer.weights();
        int oc = w.outChannels();
        int ic = w.perChannel() / (k * k);
        OnnxGraph.Attribute[] attrs = {OnnxGraph.Attribute.ints("kernel_shape", k, k),
            OnnxGraph.Attribute.ints("pads", pad, pad, pad, pad), OnnxGraph.Attribute.ints("strides", 1, 1)};
        String xZp = zeroPoint(p + ".x_zero_point", layer.input().zeroPoint());
        if (!fixedPoint && requant == Requant.QLINEAR_CONV) {
            String xScale = scalarScale(p + ".x_scale", layer.input().scale());
            String wq = g.bytes(p + ".weight_quantized", OnnxGraph.INT8, w.values(), oc, ic, k, k);
            String wScale = g.floats(p + ".weight_scale", w.scales(), oc);
            String wZp = g.bytes(p + ".weight_zero_point", OnnxGraph.INT8, new byte[oc], oc);
            String yScale = scalarScale(p + ".y_scale", layer.output().scale());
            String yZp = zeroPoint(p + ".y_zero_point", layer.output().zeroPoint());
            String bias = g.ints(p + ".bias_quantized", layer.quantizedBias(), oc);
            return g.node("QLinearConv", p + ".out", List.of(x, xScale, xZp, wq, wScale, wZp, yScale, yZp, bias),
                    attrs);
        }
        byte[] shifted = new byte[w.values().length];
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = (byte) (w.values()[i] + U8_OFFSET);
        }
        String wq = g.bytes(p + ".weight_plus_128", OnnxGraph.UINT8, shifted, oc, ic, k, k);
        String wZp = g.bytes(p + ".weight_zero_point", OnnxGraph.UINT8, new byte[] {(byte) U8_OFFSET});
        String acc = g.node("ConvInteger", p + ".acc", List.of(x, wq, xZp, wZp), attrs);
        acc = g.node("Add", p + ".acc_bias", List.of(acc, g.ints(p + ".bias_quantized", layer.quantizedBias(),
                1, oc, 1, 1)));
        Requantizer rq = layer.requantizer();
        if (!fixedPoint) {
            return floatRequant(p, acc, rq);
        }
        acc = g.node("Cast", p + ".acc64", List.of(acc), OnnxGraph.Attribute.of("to", (long) OnnxGraph.INT64));
        long[] m0 = new long[oc];
        long[] divisor = new long[oc];
        for (int c = 0; c < oc; c++) {
            FixedPointMultiplier f = rq.fixedMultiplier(c);
            int shift = 31 + f.shift();
            boolean zero = f.m0() == 0 || shift > 62;
            m0[c] = zero ? 0 : f.m0();
            divisor[c] = 1L << (zero ? 1 : shift);
        }
        String product = g.node("Mul", p + ".times_m0", List.of(acc, g.longs(p + ".m0", m0, 1, oc, 1, 1)));
        String scaled = roundHalfEven(p + ".shift", product, g.longs(p + ".two_pow_shift", divisor, 1, oc, 1, 1));
        String withZ = g.node("Add", p + ".plus_zero_point", List.of(scaled,
                g.longs(p + ".y_zero_point_u8", new long[] {rq.outputZeroPoint() + U8_OFFSET})));
        String lo = g.node("Max", p + ".clamp_low", List.of(withZ, g.longs(p + ".u8_min", new long[] {0})));
        String hi = g.node("Min", p + ".clamp_high", List.of(lo, g.longs(p + ".u8_max", new long[] {255})));
        return g.node("Cast", p + ".out", List.of(hi), OnnxGraph.Attribute.of("to", (long) OnnxGraph.UINT8));
    }

    /**
     * The int32 accumulator requantized in float ops: {@code Cast}, {@code Mul} by the per-channel multiplier,
     * {@code Add} of {@code Z_out} before or after {@code Round} (half to even, like {@code Math.rint}), clamp
     * to the int8 range, {@code + 128} to uint8. Float32 ops with QuantLab's float32 {@code M} give exactly
     * QuantLab's {@code float(acc) * M + Z} (IEEE single precision, one rounding per op); double ops use the
     * double {@code M}.
     */
    private String floatRequant(String p, String acc, Requantizer rq) {
        int oc = rq.channels();
        boolean wide = requant == Requant.DOUBLE_MULTIPLIER;
        int type = wide ? OnnxGraph.DOUBLE : OnnxGraph.FLOAT;
        String real = g.node("Cast", p + ".acc_real", List.of(acc), OnnxGraph.Attribute.of("to", (long) type));
        double[] m = new double[oc];
        for (int c = 0; c < oc; c++) {
            m[c] = wide ? rq.exactMultiplier(c) : rq.floatMultiplier(c);
        }
        String scaled = g.node("Mul", p + ".times_m", List.of(real, constant(p + ".m", wide, m, 1, oc, 1, 1)));
        String z = constant(p + ".y_zero_point_real", wide, new double[] {rq.outputZeroPoint()});
        String rounded = requant == Requant.ROUND_THEN_ZERO_POINT
                ? g.node("Add", p + ".plus_zero_point", List.of(g.node("Round", p + ".rounded", List.of(scaled)), z))
                : g.node("Round", p + ".rounded", List.of(g.node("Add", p + ".plus_zero_point", List.of(scaled, z))));
        String lo = g.node("Max", p + ".clamp_low", List.of(rounded,
                constant(p + ".q_min", wide, new double[] {rq.range().min()})));
        String hi = g.node("Min", p + ".clamp_high", List.of(lo,
                constant(p + ".q_max", wide, new double[] {rq.range().max()})));
        String u = g.node("Add", p + ".to_u8", List.of(hi, constant(p + ".u8_offset", wide, new double[] {U8_OFFSET})));
        return g.node("Cast", p + ".out", List.of(u), OnnxGraph.Attribute.of("to", (long) OnnxGraph.UINT8));
    }

    private String constant(String name, boolean wide, double[] values, long... dims) {
        if (wide) {
            return g.doubles(name, values, dims);
        }
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return g.floats(name, f, dims);
    }

    private String requantText() {
        return switch (requant) {
            case QLINEAR_CONV -> "float32 multiplier (QLinearConv: round(acc*M) + Z)";
            case LESSON_FLOAT -> "float32 multiplier (ConvInteger, round(acc*M + Z) as the lesson)";
            case ROUND_THEN_ZERO_POINT -> "float32 multiplier (ConvInteger, round(acc*M) + Z)";
            case DOUBLE_MULTIPLIER -> "double multiplier (ConvInteger, round(acc*M + Z))";
        };
    }

    /** {@code round_half_even(x / d)} in int64 for {@code d > 0}: floor via {@code Mod} (sign of divisor). */
    private String roundHalfEven(String p, String x, String d) {
        String floor = floorDiv(p, x, d);
        String r = g.node("Mod", p + ".rem", List.of(x, d), OnnxGraph.Attribute.of("fmod", 0L));
        String twice = g.node("Add", p + ".twice_rem", List.of(r, r));
        String above = g.node("Greater", p + ".above_half", List.of(twice, d));
        String tie = g.node("Equal", p + ".tie", List.of(twice, d));
        String odd = g.node("Equal", p + ".odd", List.of(g.node("Mod", p + ".parity", List.of(floor,
                g.longs(p + ".two", new long[] {2})), OnnxGraph.Attribute.of("fmod", 0L)),
                g.longs(p + ".one", new long[] {1})));
        String up = g.node("Or", p + ".round_up", List.of(above, g.node("And", p + ".tie_odd", List.of(tie, odd))));
        return g.node("Add", p + ".rounded", List.of(floor, g.node("Cast", p + ".round_up64", List.of(up),
                OnnxGraph.Attribute.of("to", (long) OnnxGraph.INT64))));
    }

    private String floorDiv(String p, String x, String d) {
        String r = g.node("Mod", p + ".floor_rem", List.of(x, d), OnnxGraph.Attribute.of("fmod", 0L));
        return g.node("Div", p + ".floor", List.of(g.node("Sub", p + ".minus_rem", List.of(x, r)), d));
    }

    private String averagePool(String x, AvgPoolRounding rounding) {
        String p = "avgpool";
        String wide = g.node("Cast", p + ".int64", List.of(x), OnnxGraph.Attribute.of("to", (long) OnnxGraph.INT64));
        String sum = g.node("ReduceSum", p + ".sum_u8", List.of(wide, g.longs(p + ".axes", new long[] {2, 3}, 2)),
                OnnxGraph.Attribute.of("keepdims", 1L));
        String sumQ = g.node("Sub", p + ".sum_q", List.of(sum, g.longs(p + ".offset4", new long[] {4 * U8_OFFSET})));
        String four = g.longs(p + ".count", new long[] {4});
        String mean = switch (rounding) {
            case TRUNCATE -> g.node("Div", p + ".mean", List.of(sumQ, four));
            case FLOOR -> floorDiv(p, sumQ, four);
            case HALF_EVEN -> roundHalfEven(p, sumQ, four);
        };
        String u = g.node("Add", p + ".mean_u8", List.of(mean, g.longs(p + ".offset", new long[] {U8_OFFSET})));
        return g.node("Cast", p + ".out", List.of(u), OnnxGraph.Attribute.of("to", (long) OnnxGraph.UINT8));
    }

    /** QuantLab's double scale as the float32 the runtime (and QuantLab's float multiplier) uses. */
    private String scalarScale(String name, double scale) {
        return g.floats(name, new float[] {(float) scale});
    }

    private String zeroPoint(String name, int int8ZeroPoint) {
        return g.bytes(name, OnnxGraph.UINT8, new byte[] {(byte) (int8ZeroPoint + U8_OFFSET)});
    }
}
