package dev.quantlab.cli;

import dev.quantlab.kmeans.PackedModelInfo;
import dev.quantlab.model.ModelSize;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggArchitecture;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Prints the model's layers, shapes, parameter counts and size. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Show the VGG's layers, shapes, parameters and size.")
public final class InfoCommand implements Runnable {
    @Mixin
    ModelOption model;

    @Option(names = "--no-weights", description = "Describe the architecture without loading a weights file.")
    boolean noWeights;

    @Override
    public void run() {
        PrintStream out = System.out;
        VggArchitecture arch = VggArchitecture.cifarVgg();
        StateDict sd = noWeights ? null : model.load();
        if (sd != null) {
            out.println("model: " + model.path() + PackedModelInfo.read(model.path())
                    .map(p -> " (packed " + p.label() + " file, " + p.diskSize() + " on disk; lesson's rule "
                            + ModelSize.formatMib(p.size().lessonMib()) + ", honest size "
                            + ModelSize.formatMib(p.size().honestMib()) + ")")
                    .orElse(""));
        }
        out.printf(Locale.ROOT, "%-32s %-18s %12s %12s%n", "tensor", "shape", "params", "size@32bit");
        for (VggArchitecture.TensorSpec s : arch.tensors()) {
            String params = s.kind().isParameter() ? String.format(Locale.ROOT, "%,d", s.numel()) : "(buffer)";
            String size = s.kind().isParameter() ? String.format(Locale.ROOT, "%.3f MiB", ModelSize.mib(s.numel(), 32))
                    : "";
            out.printf(Locale.ROOT, "%-32s %-18s %12s %12s%n", s.name(), Arrays.toString(s.shape()), params, size);
        }
        out.printf(Locale.ROOT, "parameters: %,d%n", arch.parameterCount());
        out.printf(Locale.ROOT, "MACs per image: %,d%n", arch.macsPerImage());
        out.println("size at 32 bits = " + ModelSize.formatMib(ModelSize.mib(arch.parameterCount(), 32)));
    }
}
