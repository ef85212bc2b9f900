package dev.quantlab.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The int8 instruction set is read from /proc/cpuinfo flags. */
class CpuInfoTest {
    @Test
    void namesVnniAndAvx2() {
        CpuInfo vnni = CpuInfo.parse(List.of("processor\t: 0", "model name\t: AMD EPYC 9B45",
                "flags\t\t: fpu avx2 avx512bw avx512_vnni avx_vnni"), 2);
        assertEquals("AMD EPYC 9B45", vnni.model());
        assertEquals("AVX-512 VNNI + AVX-VNNI", vnni.int8InstructionSet());
        CpuInfo zen3 = CpuInfo.parse(List.of("model name : AMD EPYC 7B13", "flags : fpu avx2 fma"), 2);
        assertEquals(true, zen3.int8InstructionSet().startsWith("AVX2 (no VNNI"));
        assertEquals("unknown CPU", CpuInfo.parse(List.of(), 1).model());
    }
}
