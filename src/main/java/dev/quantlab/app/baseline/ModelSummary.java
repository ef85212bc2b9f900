package dev.quantlab.app.baseline;

import dev.quantlab.app.export.DataTable;
import dev.quantlab.app.i18n.Texts;
import dev.quantlab.model.ModelSize;
import dev.quantlab.model.VggArchitecture;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The model summary table: one row per tensor of the lesson's VGG, and the total by the lesson's size rule. */
public final class ModelSummary {
    /** Parameters are stored at 32 bits in the fp32 model. */
    public static final int FP32_BITS = 32;

    /**
     * One tensor.
     *
     * @param name      state-dict name
     * @param shape     e.g. {@code 64×3×3×3}
     * @param kind      conv weight, BN weight, running mean, ...
     * @param params    parameter count, or 0 for buffers (running statistics), which do not count
     * @param parameter whether it counts as a parameter
     * @param type      the tensor's role, for the localized description ({@link #kindText})
     */
    public record Row(String name, String shape, String kind, long params, boolean parameter,
                      VggArchitecture.Kind type) {
        /** Size at 32 bits in MiB (0 for buffers). */
        public double sizeMib() {
            return parameter ? ModelSize.mib(params, FP32_BITS) : 0;
        }
    }

    private ModelSummary() { }

    public static List<Row> rows(VggArchitecture arch) {
        return arch.tensors().stream().map(t -> new Row(t.name(), shape(t.shape()), kind(t.kind()),
                t.kind().isParameter() ? t.numel() : 0, t.kind().isParameter(), t.kind())).toList();
    }

    /** Learnable parameters (9,228,362 for the lesson's VGG). */
    public static long parameterCount(VggArchitecture arch) {
        return arch.parameterCount();
    }

    /** Size of the fp32 model by the lesson's rule: 35.20 MiB. */
    public static double totalMib(VggArchitecture arch) {
        return ModelSize.mib(arch.parameterCount(), FP32_BITS);
    }

    /** The one-line total under the table. */
    public static String totalText(VggArchitecture arch, Texts t) {
        return t.t("baseline.summary.total", String.format(Locale.ROOT, "%,d", parameterCount(arch)),
                ModelSize.formatMib(totalMib(arch)));
    }

    public static DataTable table(VggArchitecture arch) {
        List<List<String>> rows = rows(arch).stream().map(r -> List.of(r.name(), r.shape(), r.kind(),
                r.parameter() ? Long.toString(r.params()) : "",
                r.parameter() ? String.format(Locale.ROOT, "%.6f", r.sizeMib()) : "")).toList();
        return new DataTable("baseline-model-summary",
                List.of("tensor", "shape", "kind", "parameters", "size_at_32_bits_mib"), rows);
    }

    static String shape(long[] shape) {
        return shape.length == 0 ? "scalar" : Arrays.stream(shape).mapToObj(Long::toString)
                .collect(Collectors.joining("×"));
    }

    /** The tensor's role in the current language (the CSV keeps {@link Row#kind()} in English). */
    public static String kindText(VggArchitecture.Kind k, Texts t) {
        return t.t("baseline.kind." + k.name().toLowerCase(Locale.ROOT));
    }

    /** The shape as shown in the table ("scalar" translated). */
    public static String shapeText(Row r, Texts t) {
        return "scalar".equals(r.shape()) ? t.t("baseline.shape.scalar") : r.shape();
    }

    static String kind(VggArchitecture.Kind k) {
        switch (k) {
            case CONV_WEIGHT: return "conv weight";
            case FC_WEIGHT: return "linear weight";
            case FC_BIAS: return "linear bias";
            case BN_WEIGHT: return "BN γ";
            case BN_BIAS: return "BN β";
            case BN_RUNNING_MEAN: return "BN running mean (buffer)";
            case BN_RUNNING_VAR: return "BN running var (buffer)";
            default: return "BN batch count (buffer)";
        }
    }
}
