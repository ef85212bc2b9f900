package dev.quantlab.app.integer;

import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.services.Numbers;
import dev.quantlab.linear.RequantMode;
import dev.quantlab.onnx.CpuInfo;
import dev.quantlab.onnx.EngineBenchmark;
import java.util.List;

/**
 * Why QuantLab's teaching kernels are slow and ONNX Runtime's are fast, and how far their integers agree, as
 * paragraphs with the numbers one run measured on this machine filled in (none are written into the texts).
 */
final class EngineExplanation {
    private EngineExplanation() { }

    /** The paragraphs before any run: what will be measured. */
    static List<String> before(Texts t) {
        return List.of(t.t("integer.why.before"));
    }

    /** The paragraphs for {@code o}: slow kernels, fast kernels (with this CPU's int8 instructions), agreement. */
    static List<String> of(Texts t, EngineRace.Outcome o) {
        EngineBenchmark.EngineResult fp32 = o.result(EngineKind.FP32_LIBTORCH);
        EngineBenchmark.EngineResult ql = o.result(EngineKind.INT8_QUANTLAB);
        EngineBenchmark.EngineResult ort = o.result(EngineKind.INT8_ORT);
        EngineBenchmark.EngineResult ortFp32 = o.result(EngineKind.FP32_ORT);
        CpuInfo cpu = o.report().cpu();
        String slow = t.t("integer.why.slow", speed(ql), ratio(ql, fp32), speed(fp32),
                Numbers.fixed(ql.msPerImageBatch1(), 1));
        String fast = t.t("integer.why.fast", speed(ort), ratio(ort, fp32), ratio(ort, ql),
                t.t(instructionKey(cpu)), cpu.model(), cpu.cores(), Numbers.fixed(ort.msPerImageBatch1(), 1));
        String floats = t.t("integer.why.fp32", speed(ortFp32), ratio(ortFp32, fp32));
        return List.of(slow, fast, floats, agreement(t, o));
    }

    /** QuantLab's int8 logits against ONNX Runtime's, and the cause of any difference. */
    static String agreement(Texts t, EngineRace.Outcome o) {
        EngineBenchmark.Agreement a = o.agreement();
        String measured = t.t("integer.why.agreement", a.images(), a.identicalLogits(),
                Numbers.percent(a.identicalPercent()), a.sameTop1(), Numbers.percent(a.sameTop1Percent()),
                a.maxLsbDifference());
        String cause;
        if (a.identicalLogits() == a.images()) {
            cause = t.t("integer.why.cause.identical");
        } else if (o.request().config().requantMode() == RequantMode.FLOAT_MULTIPLIER) {
            cause = t.t("integer.why.cause.float");
        } else {
            cause = t.t("integer.why.cause.fixed");
        }
        return measured + " " + cause;
    }

    /** The text key naming what this CPU multiplies int8 with. */
    static String instructionKey(CpuInfo cpu) {
        if (cpu.avx512Vnni() || cpu.avxVnni()) {
            return "integer.why.isa.vnni";
        }
        return cpu.avx2() ? "integer.why.isa.avx2" : "integer.why.isa.none";
    }

    private static String speed(EngineBenchmark.EngineResult r) {
        return Numbers.fixed(r.imagesPerSecond(), 1);
    }

    private static String ratio(EngineBenchmark.EngineResult r, EngineBenchmark.EngineResult base) {
        return Numbers.fixed(r.imagesPerSecond() / base.imagesPerSecond(), 2);
    }
}
