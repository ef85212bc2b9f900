package dev.quantlab.cli;

import dev.quantlab.app.kmeans.SliderBenchmark;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggArchitecture;
import dev.quantlab.onnx.CpuInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench slider}: the K-Means tab's slider on the largest layers, on demand vs after background clustering. */
@Command(name = "slider", mixinStandardHelpOptions = true,
        description = {"Time for the K-Means tab's slider to redraw each bit-width 1..8 of a layer: clustered on "
                + "demand (cold) against served from what the tab clusters in the background once the layer is shown "
                + "(at 4 bits), plus drawing the histogram; and how long the background takes. The app's own "
                + "computation, without the window. By default every 2.36M-weight layer."})
final class BenchSliderCommand implements Runnable {
    @Mixin
    ModelOption model;
    @Option(names = "--layer", paramLabel = "NAME", description = "Only this weight matrix (e.g. backbone.conv7.weight).")
    String layer;

    @Override
    public void run() {
        VggArchitecture arch = VggArchitecture.cifarVgg();
        List<String> layers;
        if (layer != null) {
            if (arch.weightMatrices().stream().noneMatch(s -> s.name().equals(layer))) {
                throw new IllegalArgumentException("--layer " + layer + " is not a weight matrix; one of "
                        + arch.weightMatrices().stream().map(VggArchitecture.TensorSpec::name).toList());
            }
            layers = List.of(layer);
        } else {
            long largest = arch.weightMatrices().stream().mapToLong(VggArchitecture.TensorSpec::numel).max().orElse(0);
            layers = arch.weightMatrices().stream().filter(s -> s.numel() == largest)
                    .map(VggArchitecture.TensorSpec::name).toList();
        }
        StateDict weights = model.load();
        PrintStream out = System.out;
        CpuInfo cpu = CpuInfo.read();
        out.printf(Locale.ROOT, "CPU: %s, %d cores; load average at start: %s%n", cpu.model(), cpu.cores(), loadAverage());
        try {
            for (String l : layers) {
                print(out, SliderBenchmark.run(weights, l, 4));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        out.printf(Locale.ROOT, "load average at end: %s%n", loadAverage());
    }

    static void print(PrintStream out, SliderBenchmark.Report r) {
        out.printf(Locale.ROOT, "%n%s (%,d weights), shown first at %d bits; its other widths clustered in the "
                + "background in %.0f ms%n", r.layer(), r.weights(), r.shownBits(), r.backgroundMillis());
        out.printf(Locale.ROOT, "%4s %12s %12s %10s %14s %16s%n", "bits", "cluster ms", "cached ms", "draw ms",
                "cold redraw ms", "cached redraw ms");
        for (SliderBenchmark.Row row : r.rows()) {
            out.printf(Locale.ROOT, "%4d %12.1f %12.3f %10.1f %14.1f %16.1f%n", row.bits(), row.coldMillis(),
                    row.cachedMillis(), row.drawMillis(), row.coldRedrawMillis(), row.cachedRedrawMillis());
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
