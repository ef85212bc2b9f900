package dev.quantlab.cli;

import ai.djl.ndarray.NDManager;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.mixed.DjlScorer;
import dev.quantlab.mixed.MixedPlan;
import dev.quantlab.mixed.MixedPrecision;
import dev.quantlab.mixed.SensitivityTable;
import dev.quantlab.mixed.SizeRule;
import dev.quantlab.mixed.WeightMethod;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggArchitecture;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Per-layer sensitivity, and with --budget a mixed-precision plan chosen from it and measured. */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = {"Per-layer sensitivity: quantizes one weight matrix at a time (the rest fp32) at each bit-width "
                + "and prints the accuracy drop, with each layer's share of the model size.",
            "With --budget MIB: chooses the bit-width per layer that minimises the summed drops within that size "
                + "(exact search), then measures the chosen model's real accuracy."})
public final class SensitivityCommand implements Runnable {
    @Mixin
    ModelOption model;
    @Mixin
    DataOption data;
    @Mixin
    SensitivityOptions sensitivity;
    @Option(names = "--method", defaultValue = "kmeans", description = "kmeans or linear (per-channel symmetric "
            + "weights) (default: ${DEFAULT-VALUE}).")
    String method;
    @Option(names = "--bits", split = ",", defaultValue = "1,2,3,4,5,6,7,8", paramLabel = "B[,B...]",
            description = "Bit-widths to try per layer (default: ${DEFAULT-VALUE}; linear: 2..8).")
    List<Integer> bits;
    @Option(names = "--limit", paramLabel = "N", description = "Same as --sensitivity-limit.")
    Integer limit;
    @Option(names = "--seed", defaultValue = "0", description = "k-means seed (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--budget", paramLabel = "MIB", description = "Choose a bit-width per layer within this size.")
    Double budget;
    @Option(names = "--size", defaultValue = "honest", description = "How --budget counts size: honest (a file's "
            + "bytes) or lesson (parameters x bits) (default: ${DEFAULT-VALUE}).")
    String size;

    @Override
    public void run() {
        WeightMethod m = WeightMethod.parse(method);
        bits.forEach(m::checkBits);
        SizeRule rule = SizeRule.parse(size);
        if (budget != null && !(budget > 0)) {
            throw new IllegalArgumentException("--budget must be a positive size in MiB, got " + budget);
        }
        int images = limit != null ? limit : sensitivity.sensitivityLimit;
        StateDict fp32 = model.load();
        CifarSplit test = data.test();
        try (NDManager mgr = NDManager.newBaseManager()) {
            SensitivityTable table = sensitivity.table(mgr, model.path(), fp32, test, m, bits, images, seed,
                    CancellationToken.none());
            print(System.out, table);
            if (budget != null) {
                MixedPlan plan = MixedPrecision.choose(table, rule, budget);
                if (plan == null) {
                    throw new IllegalArgumentException("no plan of the measured widths fits " + budget + " MiB ("
                            + rule.name().toLowerCase(Locale.ROOT) + " size); try a larger --budget or add --bits 1");
                }
                printPlan(System.out, plan);
                double real = new DjlScorer(mgr, test, images, CancellationToken.none())
                        .accuracy(m.apply(fp32, plan.bits(), seed));
                System.out.printf(Locale.ROOT, "measured: accuracy=%.2f%% (drop %.2f points, predicted %.2f) on %d test "
                        + "images%n", real, table.fp32() - real, plan.predictedDrop(), table.images());
            }
        }
    }

    static void printPlan(PrintStream out, MixedPlan plan) {
        out.printf(Locale.ROOT, "mixed precision (%s size %.3f MiB, predicted drop %.2f points): %s%n",
                plan.rule().name().toLowerCase(Locale.ROOT), plan.sizeMib(), plan.predictedDrop(), plan.describe());
    }

    static void print(PrintStream out, SensitivityTable table) {
        VggArchitecture arch = VggArchitecture.cifarVgg();
        List<Integer> widths = table.accuracies().values().iterator().next().keySet().stream().toList();
        out.printf(Locale.ROOT, "%nper-layer accuracy drop in points, %s, fp32 %.2f%% on %d test images%n",
                table.method().key(), table.fp32(), table.images());
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-22s %10s %7s", "layer", "params", "share"));
        widths.forEach(b -> head.append(String.format(Locale.ROOT, " %7s", b + "-bit")));
        out.println(head);
        for (Map.Entry<String, Map<Integer, Double>> row : table.accuracies().entrySet()) {
            long n = arch.spec(row.getKey()).numel();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-22s %10d %6.2f%%", row.getKey(), n,
                    100.0 * n / arch.parameterCount()));
            widths.forEach(b -> line.append(String.format(Locale.ROOT, " %7.2f", table.drop(row.getKey(), b))));
            out.println(line);
        }
    }
}
