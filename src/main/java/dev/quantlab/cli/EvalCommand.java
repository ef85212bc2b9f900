package dev.quantlab.cli;

import ai.djl.ndarray.NDManager;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.data.CifarClasses;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.eval.EvalResult;
import dev.quantlab.eval.Evaluator;
import dev.quantlab.kmeans.PackedModelInfo;
import dev.quantlab.model.ModelSize;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggArchitecture;
import dev.quantlab.core.UserFacingException;
import dev.quantlab.onnx.Fp32Engine;
import dev.quantlab.results.RunRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Measures the model's accuracy and size, printing the lesson's lines: the fp32 model's, or a packed k-means file's
 * (named as the k-means model it is, with its sizes and its size on disk).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Top-1 accuracy of the fp32 model (or of a packed k-means file written by kmeans --save) "
                + "on the CIFAR-10 test set, with its size.")
public final class EvalCommand implements Runnable {
    @Mixin
    ModelOption model;
    @Mixin
    DataOption data;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Evaluate on a class-balanced subset of N test images (default: all 10,000).")
    int limit;

    @Mixin
    RecordOption record;

    @Option(names = "--per-class", description = "Also print per-class accuracy and the confusion matrix.")
    boolean perClass;

    @Option(names = "--engine", paramLabel = "E", defaultValue = "onnxruntime",
            description = "Where the fp32 model runs: onnxruntime (BatchNorm folded, ONNX Runtime: the fastest here, "
                    + "same top-1 as libtorch on all 10,000 test images) or libtorch (DJL, as trained) "
                    + "(default: ${DEFAULT-VALUE}).")
    String engine;

    @Override
    public void run() {
        record.check();
        Fp32Engine e = switch (engine.trim().toLowerCase(Locale.ROOT)) {
            case "onnxruntime", "ort" -> Fp32Engine.ONNX_RUNTIME_FOLDED;
            case "libtorch" -> Fp32Engine.LIBTORCH;
            default -> throw new UserFacingException("unknown engine '" + engine + "' (onnxruntime, libtorch)");
        };
        StateDict weights = model.load();
        // a packed k-means file loads as fp32 tensors (its decoded codebook values), but it is the k-means model
        Optional<PackedModelInfo> packed = PackedModelInfo.read(model.path());
        String what = packed.map(p -> p.label() + " model").orElse("fp32 model");
        CifarSplit test = data.test();
        try (NDManager mgr = NDManager.newBaseManager();
             Fp32Engine.Open net = e.open(mgr, weights, Evaluator.DEFAULT_BATCH)) {
            EvalResult r = new Evaluator().evaluate(net, test, limit, new ConsoleProgress("eval"),
                    CancellationToken.none());
            System.out.printf(Locale.ROOT, "%s has accuracy=%.2f%%%n", what, r.accuracyPercent());
            System.out.println(packed.map(p -> what + " has size=" + ModelSize.formatMib(p.size().lessonMib())
                            + " (lesson's rule; honest size " + ModelSize.formatMib(p.size().honestMib())
                            + ", file on disk " + p.diskSize() + ")")
                    .orElse("fp32 model has size=" + ModelSize.formatMib(
                            ModelSize.mib(VggArchitecture.cifarVgg().parameterCount(), 32))));
            System.out.println("engine: " + e.label());
            System.err.printf(Locale.ROOT, "(%d images in %.1f s, %.1f img/s)%n", r.images(), r.seconds(),
                    r.imagesPerSecond());
            if (perClass) {
                printPerClass(r);
            }
            String fileName = String.valueOf(model.path().getFileName());
            record.add(packed.map(p -> RunRecords.packed(p, fileName, r.accuracyPercent(), r.images()))
                    .orElseGet(() -> RunRecords.fp32(r.accuracyPercent(), r.images())));
        }
        record.finish();
    }

    static void printPerClass(EvalResult r) {
        double[] pc = r.perClassPercent();
        for (int c = 0; c < pc.length; c++) {
            System.out.printf(Locale.ROOT, "  %-10s %7s%n", CifarClasses.NAMES.get(c),
                    Double.isNaN(pc[c]) ? "-" : String.format(Locale.ROOT, "%.2f%%", pc[c]));
        }
        System.out.println("confusion matrix (rows: true class, columns: predicted):");
        for (String line : confusionLines(r.confusion())) {
            System.out.println(line);
        }
    }

    /**
     * The confusion matrix as text: a header of predicted classes (names cut to {@link #CELL} - 1 characters, as
     * wide as the counts), then one row per true class, its name in front.
     */
    static List<String> confusionLines(long[][] confusion) {
        int nameWidth = CifarClasses.NAMES.stream().mapToInt(String::length).max().orElse(5);
        List<String> out = new ArrayList<>();
        StringBuilder header = new StringBuilder("  " + " ".repeat(nameWidth));
        for (int p = 0; p < confusion.length; p++) {
            String name = label(p);
            header.append(String.format(Locale.ROOT, "%" + CELL + "s", name.substring(0, Math.min(CELL - 1,
                    name.length()))));
        }
        out.add(header.toString());
        for (int t = 0; t < confusion.length; t++) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  %-" + nameWidth + "s", label(t)));
            for (long v : confusion[t]) {
                sb.append(String.format(Locale.ROOT, "%" + CELL + "d", v));
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** Characters per count column. */
    static final int CELL = 6;

    private static String label(int c) {
        return c < CifarClasses.NAMES.size() ? CifarClasses.NAMES.get(c) : Integer.toString(c);
    }
}
