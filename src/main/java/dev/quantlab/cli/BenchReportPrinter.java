package dev.quantlab.cli;

import dev.quantlab.onnx.EngineBenchmark;
import java.io.PrintStream;
import java.util.Locale;

/** Prints an {@link EngineBenchmark.Report} as a table with ratios to the first engine. */
final class BenchReportPrinter {
    private final PrintStream out;

    BenchReportPrinter(PrintStream out) {
        this.out = out;
    }

    void print(EngineBenchmark.Report r, String ortVersion) {
        out.printf(Locale.ROOT, "CPU: %s%n", r.cpu());
        out.printf(Locale.ROOT, "ONNX Runtime %s, %d intra-op threads; libtorch %s threads%n", ortVersion,
                r.cpu().cores(), System.getProperty("ai.djl.pytorch.num_threads", "default"));
        EngineBenchmark.EngineResult base = r.engines().get(0);
        out.printf(Locale.ROOT, "images: %d (batches of %d), batch-1 latency over %d images%n", base.images(),
                EngineBenchmark.BATCH, base.latencyImages());
        out.printf(Locale.ROOT, "%-30s %10s %9s %12s %12s %10s%n", "engine", "img/s@100", "vs fp32", "ms/img@100",
                "ms/img@1", "accuracy");
        for (EngineBenchmark.EngineResult e : r.engines()) {
            out.printf(Locale.ROOT, "%-30s %10.1f %8.2fx %12.2f %12.2f %9.2f%%%n", e.engine(), e.imagesPerSecond(),
                    e.imagesPerSecond() / base.imagesPerSecond(), e.msPerImageBatch100(), e.msPerImageBatch1(),
                    e.accuracyPercent());
        }
        for (EngineBenchmark.Agreement a : r.agreements()) {
            out.printf(Locale.ROOT, "%s vs %s: identical int8 logits %d/%d (%.2f%%), same top-1 %d/%d (%.2f%%), "
                            + "largest logit difference %d LSB (%d of %d logits differ)%n", a.first(), a.second(),
                    a.identicalLogits(), a.images(), a.identicalPercent(), a.sameTop1(), a.images(),
                    a.sameTop1Percent(), a.maxLsbDifference(), a.logitsDiffering(), 10 * a.images());
        }
        for (int k = 1; k < r.engines().size(); k++) {
            int same = 0;
            int[] p0 = r.predictions().get(0);
            int[] pk = r.predictions().get(k);
            for (int i = 0; i < p0.length; i++) {
                same += p0[i] == pk[i] ? 1 : 0;
            }
            out.printf(Locale.ROOT, "top-1 equal to %s: %s %d/%d%n", base.engine(), r.engines().get(k).engine(), same,
                    p0.length);
        }
    }

    /** The agreement of QuantLab's and ONNX Runtime's int8 logits, with the formulas that explain it. */
    void print(dev.quantlab.onnx.Int8Agreement a) {
        out.printf(Locale.ROOT, "agreement, QuantLab int8 kernels vs ONNX Runtime int8 (QLinearConv), %d images:%n",
                a.images());
        out.printf(Locale.ROOT, "  identical int8 logits: %d/%d (%.2f%%)%n", a.identicalLogits(), a.images(),
                a.identicalPercent());
        out.printf(Locale.ROOT, "  same top-1:            %d/%d (%.2f%%)%n", a.sameTop1(), a.images(),
                a.sameTop1Percent());
        out.printf(Locale.ROOT, "  largest difference:    %d LSB (%d of %d logits differ)%n", a.maxLsb(),
                a.logitsDiffering(), 10L * a.images());
        for (dev.quantlab.onnx.Int8Agreement.FormulaCheck f : a.formulas()) {
            out.printf(Locale.ROOT, "  %-44s identical to QuantLab on %d, to QLinearConv on %d images%n",
                    formula(f.requant()) + ":", f.sameAsQuantLab(), f.sameAsQLinear());
        }
        out.printf(Locale.ROOT, "  cause: %s%n", switch (a.cause()) {
            case NONE -> "none, identical";
            case ZERO_POINT_AFTER_ROUNDING -> "ONNX Runtime rounds acc*M and then adds Z; QuantLab (the lesson) rounds "
                    + "acc*M + Z in float32 (each formula as ONNX ops reproduces its engine on every image)";
            case UNEXPLAINED -> "not explained by the requantization formula (e.g. int16 saturation of u8*s8 pairs "
                    + "on AVX2 kernels)";
        });
    }

    private static String formula(dev.quantlab.onnx.Int8OnnxExporter.Requant r) {
        return switch (r) {
            case QLINEAR_CONV -> "QLinearConv";
            case LESSON_FLOAT -> "ConvInteger + round(acc*M + Z), float32 M";
            case ROUND_THEN_ZERO_POINT -> "ConvInteger + round(acc*M) + Z, float32 M";
            case DOUBLE_MULTIPLIER -> "ConvInteger + round(acc*M + Z), double M";
        };
    }
}
