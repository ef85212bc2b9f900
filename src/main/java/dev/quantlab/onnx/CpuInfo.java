package dev.quantlab.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** The CPU's model name and its int8 instruction set, read from {@code /proc/cpuinfo} (Linux; elsewhere unknown). */
public record CpuInfo(String model, int cores, boolean avx2, boolean avx512Vnni, boolean avxVnni) {

    public static CpuInfo read() {
        return parse(lines(Path.of("/proc/cpuinfo")), Runtime.getRuntime().availableProcessors());
    }

    /** Parses {@code /proc/cpuinfo} lines (the first processor's model name and flags). */
    public static CpuInfo parse(List<String> cpuinfo, int cores) {
        String model = "unknown CPU";
        Set<String> flags = Set.of();
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (key.equals("model name") && model.equals("unknown CPU")) {
                model = value;
            } else if (key.equals("flags") && flags.isEmpty()) {
                flags = Set.of(value.split("\\s+"));
            }
        }
        return new CpuInfo(model, cores, flags.contains("avx2"), flags.contains("avx512_vnni"),
                flags.contains("avx_vnni"));
    }

    /** e.g. "AVX-512 VNNI + AVX-VNNI", "AVX2 (no VNNI)". */
    public String int8InstructionSet() {
        if (avx512Vnni || avxVnni) {
            return avx512Vnni && avxVnni ? "AVX-512 VNNI + AVX-VNNI" : avx512Vnni ? "AVX-512 VNNI" : "AVX-VNNI";
        }
        return avx2 ? "AVX2 (no VNNI: u8*s8 pairs summed in int16 by vpmaddubsw)" : "no AVX2/VNNI flags found";
    }

    @Override
    public String toString() {
        return model + ", " + cores + " cores, int8: " + int8InstructionSet();
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
