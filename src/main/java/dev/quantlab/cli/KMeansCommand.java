package dev.quantlab.cli;

import ai.djl.ndarray.NDManager;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.CancelledException;
import dev.quantlab.core.IoReasons;
import dev.quantlab.core.UserFacingException;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.eval.Evaluator;
import dev.quantlab.kmeans.BitWidth;
import dev.quantlab.kmeans.BitWidthPlan;
import dev.quantlab.kmeans.Init;
import dev.quantlab.kmeans.SizeReport;
import dev.quantlab.kmeans.qat.KMeansQat;
import dev.quantlab.kmeans.qat.QatConfig;
import dev.quantlab.kmeans.qat.QatListener;
import dev.quantlab.kmeans.qat.QatResult;
import dev.quantlab.kmeans.qat.QatStoppedException;
import dev.quantlab.kmeans.qat.UpdateRule;
import dev.quantlab.model.BatchMemory;
import dev.quantlab.model.ModelSize;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggArchitecture;
import dev.quantlab.model.VggNet;
import dev.quantlab.results.RunRecord;
import dev.quantlab.results.RunRecords;
import dev.quantlab.train.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import dev.quantlab.mixed.MixedPlan;
import dev.quantlab.mixed.MixedPrecision;
import dev.quantlab.mixed.SensitivityTable;
import dev.quantlab.mixed.SizeRule;
import dev.quantlab.mixed.WeightMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Steps 2-4 of the lesson: k-means quantization at several bit-widths, optionally recovered with QAT. */
@Command(name = "kmeans", mixinStandardHelpOptions = true,
        description = {"K-means (weight-sharing) quantization of every weight tensor at each bit-width, its size and "
                + "accuracy, and optionally quantization-aware training (QAT) to recover the accuracy.",
            "Starts from the fp32 model for every bit-width; the fp32 weights are never modified."})
public final class KMeansCommand implements Runnable {
    @Mixin
    ModelOption model;
    @Mixin
    DataOption data;

    @Option(names = "--bits", split = ",", defaultValue = "8,4,2", paramLabel = "B[,B...]",
            description = "Bit-widths 1..8 (default: ${DEFAULT-VALUE}); ignored with --budget.")
    List<Integer> bits;
    @Option(names = "--fc-bits", paramLabel = "B",
            description = "Mixed precision: bits for the classifier (conv layers take --bits), e.g. conv 8 / FC 5.")
    Integer fcBits;
    @Option(names = "--qat", description = "Fine-tune when the accuracy drop exceeds the threshold.")
    boolean qat;
    @Option(names = "--epochs", defaultValue = "5", description = "Most QAT epochs (default: ${DEFAULT-VALUE}).")
    int epochs;
    @Option(names = "--threshold", defaultValue = "0.5", description = "Accuracy-drop threshold in points (default: ${DEFAULT-VALUE}).")
    double threshold;
    @Option(names = "--update", defaultValue = "mean", description = "Centroid update in QAT: mean (the lesson's) or gradient (true dL/dC).")
    String update;
    @Option(names = "--init", defaultValue = "kmeans++", description = "k-means start: kmeans++, linear or random (default: ${DEFAULT-VALUE}).")
    String init;
    @Option(names = "--seed", defaultValue = "42", description = "Seed for k-means starts and QAT batches (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--bn-recalibrate", defaultValue = "0", paramLabel = "N",
            description = "Re-estimate BatchNorm statistics on N training images after quantizing (0: off).")
    int bnImages;
    @Option(names = "--lr", defaultValue = "0.01", description = "QAT learning rate (default: ${DEFAULT-VALUE}).")
    double lr;
    @Option(names = "--batch-size", defaultValue = "512", description = "QAT batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;
    @Option(names = "--epoch-fraction", defaultValue = "1.0", description = "Run this fraction of each QAT epoch (default: ${DEFAULT-VALUE}).")
    double epochFraction;
    @Option(names = "--limit", defaultValue = "0", paramLabel = "N", description = "Evaluate on a class-balanced subset of N test images (0: all).")
    int limit;
    @Option(names = "--checkpoint-dir", paramLabel = "DIR",
            description = "Save QAT state to DIR/<bits>-bit every --checkpoint-every steps and after each epoch, so "
                    + "that a long run can be resumed with --resume.")
    Path checkpointDir;
    @Option(names = "--checkpoint-every", defaultValue = "20", paramLabel = "STEPS",
            description = "QAT steps between checkpoints (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;
    @Option(names = "--resume", description = "Continue the QAT runs saved in --checkpoint-dir (finished ones are "
            + "reported from their checkpoint).")
    boolean resume;
    @Mixin
    RecordOption record;
    @Option(names = "--save", paramLabel = "DIR", description = "Write each quantized model, packed (indices at b bits + codebooks + fp32 BN/bias; about "
                    + "2.2 MiB at 2 bits), to DIR/kmeans-<bits>bit.safetensors; every --model option loads it back.")
    Path save;

    private String saveFailure;
    @Option(names = "--budget", paramLabel = "MIB", description = "Mixed precision: instead of --bits, the bit-width "
            + "per layer that minimises the summed per-layer accuracy drops (from 'sensitivity', cached) within this "
            + "size, found by exact search.")
    Double budget;
    @Option(names = "--budget-size", defaultValue = "honest", description = "How --budget counts size: honest (a "
            + "file's bytes) or lesson (parameters x bits) (default: ${DEFAULT-VALUE}).")
    String budgetSize;
    @Mixin
    SensitivityOptions sensitivity;

    @Override
    public void run() {
        if (budget != null) {
            bits = List.of();
        }
        if (resume && checkpointDir == null) {
            throw new IllegalArgumentException("--resume needs --checkpoint-dir (the folder the run was saved in)");
        }
        record.check();
        if (qat) {
            BatchMemory.check("--batch-size", batchSize, true);
        }
        Init start = parseInit(init);
        UpdateRule rule = parseRule(update);
        List<BitWidthPlan> plans = new ArrayList<>();
        for (int b : bits) {
            BitWidth.check(b);
            plans.add(fcBits == null ? BitWidthPlan.uniform(b) : BitWidthPlan.of(b, BitWidth.check(fcBits)));
        }
        if (save != null) {
            try {
                Files.createDirectories(save);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the --save folder " + save + ": " + e.getMessage(), e);
            }
            if (!Files.isWritable(save)) {
                throw new IllegalArgumentException("the --save folder " + save + " is not writable");
            }
        }
        StateDict fp32 = model.load();
        CifarSplit test = data.test();
        if (budget != null) {
            plans.add(budgetPlan(fp32, test));
        }
        CifarSplit train = (qat || bnImages > 0) ? data.train() : null;
        if (qat && batchSize > train.size()) {
            throw new UserFacingException("--batch-size " + batchSize + " is larger than the " + train.size()
                    + " training images: no QAT step could run");
        }
        QatConfig config = QatConfig.builder().epochs(epochs).threshold(threshold).lr(lr).momentum(0.9).weightDecay(0.0)
                .batchSize(batchSize).rule(rule).epochFraction(epochFraction).evalLimit(limit).seed(seed)
                .bnRecalibrationImages(bnImages).build();
        QatListener printer = QatListener.of(new TrainingListener() {
            @Override
            public void onMessage(String line) {
                System.out.println(line);
            }
        });
        List<QatResult> results = new ArrayList<>();
        try (NDManager mgr = NDManager.newBaseManager()) {
            double fp32Accuracy;
            try (VggNet net = VggNet.fromStateDict(mgr, fp32)) {
                fp32Accuracy = new Evaluator().evaluate(mgr, Evaluator.of(net), test, limit, new ConsoleProgress("fp32"),
                        CancellationToken.none()).accuracyPercent();
            }
            System.out.printf(Locale.ROOT, "fp32 model has accuracy=%.2f%%%n", fp32Accuracy);
            System.out.println("fp32 model has size=" + ModelSize.formatMib(
                    ModelSize.mib(VggArchitecture.cifarVgg().parameterCount(), 32)));
            // Ctrl-C or a kill stops QAT at the next step and, with --checkpoint-dir, saves it there first
            try (StopOnExit stop = new StopOnExit("quantlab-kmeans-stop", 120)) {
                KMeansQat runner = new KMeansQat(config, start, printer, stop.token());
                if (checkpointDir != null) {
                    runner = runner.withCheckpoints(checkpointDir, checkpointEvery, resume);
                }
                int images = test.balancedIndices(limit).length;
                try {
                    for (BitWidthPlan plan : plans) {
                        QatResult r;
                        try {
                            r = runner.run(mgr, fp32, fp32Accuracy, plan, qat, train, test);
                        } catch (QatStoppedException stopped) { // what QAT reached so far is still shown and kept
                            keep(stopped.soFar(), results, config, start, images);
                            printTable(results);
                            throw stopped;
                        }
                        keep(r, results, config, start, images);
                    }
                } catch (CancelledException stopped) { // said before StopOnExit closes: a kill exits right then
                    throw ReportedStop.report("QAT " + QuantLabCommand.STOPPED_BY_SIGNAL + (checkpointDir != null
                            ? "; its state is saved in " + checkpointDir + ": run the same command with --resume to "
                                    + "continue"
                            : "; the table above shows what it reached (add --checkpoint-dir DIR to be able to resume)"));
                }
            }
        }
        printTable(results);
        if (saveFailure != null) {
            throw new UserFacingException(saveFailure + " (the results are printed above)");
        }
        record.finish();
    }

    /** The mixed-precision plan for --budget, from the (cached) k-means sensitivity of every layer at 1..8 bits. */
    private BitWidthPlan budgetPlan(StateDict fp32, CifarSplit test) {
        SizeRule rule = SizeRule.parse(budgetSize);
        if (!(budget > 0)) {
            throw new IllegalArgumentException("--budget must be a positive size in MiB, got " + budget);
        }
        MixedPlan mixed;
        try (NDManager mgr = NDManager.newBaseManager()) {
            SensitivityTable table = sensitivity.table(mgr, model.path(), fp32, test, WeightMethod.KMEANS,
                    List.of(1, 2, 3, 4, 5, 6, 7, 8), sensitivity.sensitivityLimit, seed, CancellationToken.none());
            SensitivityCommand.print(System.out, table);
            mixed = MixedPrecision.choose(table, rule, budget);
        }
        if (mixed == null) {
            throw new IllegalArgumentException("no bit-widths fit --budget " + budget + " MiB ("
                    + rule.name().toLowerCase(Locale.ROOT) + " size)");
        }
        SensitivityCommand.printPlan(System.out, mixed);
        return mixed.toBitWidthPlan();
    }

    /** Adds a plan's result to the final table, and saves (--save) and records (--record) it. */
    private void keep(QatResult r, List<QatResult> results, QatConfig config, Init start, int images) {
        results.add(r);
        if (save != null) {
            save(r);
        }
        record(r, config, start, images);
    }

    /** With --record: the k-means model, and BN re-estimation and QAT where they ran (at least one epoch). */
    private void record(QatResult r, QatConfig config, Init init, int images) {
        SizeReport size = r.quantized().sizeReport();
        add(r, RunRecords.kmeans(r.maxBits(), size.lessonMib(), size.honestMib(), r.accuracyBefore(), images,
                init, seed));
        if (bnImages > 0) {
            add(r, RunRecords.kmeansWithBnReestimation(r, bnImages, images));
        }
        if (r.trained() && !r.epochAccuracies().isEmpty()) {
            add(r, RunRecords.qat(r, config, images));
        }
    }

    /** Records {@code rec}, marked as mixed precision when {@code r}'s plan sets its layers' widths one by one. */
    private void add(QatResult r, RunRecord rec) {
        this.record.add(RunRecords.withPlan(rec, r.quantized().plan()));
    }

    private void save(QatResult r) {
        Path file = save.resolve(PackedSaver.fileName(r.planDescription()));
        try {
            new PackedSaver(System.out).save(file, r);
        } catch (IOException e) {
            // keep going: the other bit-widths and the final table are still worth having; the command then fails
            if (saveFailure == null) {
                saveFailure = "cannot write " + file + ": " + IoReasons.of(e);
            }
        }
    }

    private void printTable(List<QatResult> results) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-16s %12s %12s %10s %10s %10s %9s %9s%n", "bits", "lesson size", "honest size",
                "before", "BN re-est.", "after QAT", "k-means s", "QAT s");
        for (QatResult r : results) {
            SizeReport s = r.quantized().sizeReport();
            System.out.printf(Locale.ROOT, "%-16s %8.2f MiB %8.2f MiB %9.2f%% %10s %10s %9.2f %9.0f%n",
                    r.planDescription(), s.lessonMib(), s.honestMib(), r.accuracyBefore(),
                    Double.isNaN(r.accuracyAfterBnRecalibration()) ? "-"
                            : String.format(Locale.ROOT, "%.2f%%", r.accuracyAfterBnRecalibration()),
                    r.trained() ? String.format(Locale.ROOT, "%.2f%%%s", r.bestAccuracy(), r.stopped() ? "*" : "")
                            : "-", r.kmeansSeconds(), r.qatSeconds());
        }
        results.stream().filter(QatResult::stopped).forEach(r -> System.out.printf(Locale.ROOT,
                "* %s QAT was stopped after %d of %d epochs: the best accuracy so far%n", r.planDescription(),
                r.epochAccuracies().size(), epochs));
    }

    static Init parseInit(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "kmeans++", "k-means++", "kmeans_plus_plus", "plusplus" -> Init.KMEANS_PLUS_PLUS;
            case "linear" -> Init.LINEAR;
            case "random" -> Init.RANDOM;
            default -> throw new IllegalArgumentException("unknown --init '" + s + "': use kmeans++, linear or random");
        };
    }

    static UpdateRule parseRule(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "mean" -> UpdateRule.MEAN;
            case "gradient", "grad" -> UpdateRule.GRADIENT;
            default -> throw new IllegalArgumentException("unknown --update '" + s + "': use mean or gradient");
        };
    }
}
