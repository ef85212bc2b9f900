package dev.quantlab.kmeans;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quantlab.model.ModelSize;
import dev.quantlab.model.VggArchitecture;
import org.junit.jupiter.api.Test;

class SizeReportTest {
    private static final VggArchitecture ARCH = VggArchitecture.cifarVgg();

    @Test
    void lessonRuleSizes() {
        assertEquals(9_228_362L, ARCH.parameterCount());
        assertEquals("8.80 MiB", ModelSize.formatMib(SizeReport.estimate(ARCH, BitWidthPlan.uniform(8)).lessonMib()));
        assertEquals("4.40 MiB", ModelSize.formatMib(SizeReport.estimate(ARCH, BitWidthPlan.uniform(4)).lessonMib()));
        assertEquals("2.20 MiB", ModelSize.formatMib(SizeReport.estimate(ARCH, BitWidthPlan.uniform(2)).lessonMib()));
        assertEquals("35.20 MiB", ModelSize.formatMib(SizeReport.estimate(ARCH, BitWidthPlan.uniform(8)).fp32Mib()));
    }

    @Test
    void honestSizeAt8Bits() {
        SizeReport s = SizeReport.estimate(ARCH, BitWidthPlan.uniform(8));
        assertEquals(9_222_848L, s.indexBytes());
        assertEquals(9L * 256 * 4, s.codebookBytes());
        assertEquals(5_514L * 4, s.unquantizedBytes());
        assertEquals(9_222_848L + 9_216 + 22_056, s.honestBytes());
        assertEquals("8.83 MiB", ModelSize.formatMib(s.honestMib()));
    }

    @Test
    void mixedPlanCountsEachLayerAtItsOwnBits() {
        SizeReport s = SizeReport.estimate(ARCH, BitWidthPlan.deepCompression());
        assertEquals(9_217_728L + 5_120L * 5 / 8, s.indexBytes());
        assertEquals(8L * 256 * 4 + 32 * 4, s.codebookBytes());
        assertEquals(9_217_728.0 + 5_120 * 5 / 8.0 + 5_514, s.lessonBytes(), 1e-9);
        // odd bit-widths round each layer's packed indices up to whole bytes
        SizeReport odd = SizeReport.estimate(ARCH, BitWidthPlan.uniform(3).with("backbone.conv0.weight", 5));
        assertEquals((1_728L * 5 + 7) / 8 + (9_217_728L - 1_728 + 5_120) * 3 / 8, odd.indexBytes());
    }
}
