package dev.quantlab.cli;

import ai.djl.ndarray.NDManager;
import dev.quantlab.core.AtomicFiles;
import dev.quantlab.core.CancelledException;
import dev.quantlab.core.QuantLabHome;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.model.BatchMemory;
import dev.quantlab.model.ModelFiles;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggNet;
import dev.quantlab.train.EpochResult;
import dev.quantlab.train.LrSchedule;
import dev.quantlab.train.StepResult;
import dev.quantlab.train.TrainConfig;
import dev.quantlab.train.Trainer;
import dev.quantlab.train.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Trains the VGG from scratch with checkpoints and resume. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the fp32 VGG on CIFAR-10 (SGD, schedule, label smoothing, crop+flip).",
            "Writes OUT/last.safetensors (resumable checkpoint) every epoch and every --checkpoint-every steps,",
            "OUT/train-log.csv, and OUT/final.safetensors at the end. A folder that holds a run is continued with",
            "--resume or started over with --restart, and is locked while a run uses it."})
public final class TrainCommand implements Runnable {
    @Mixin
    DataOption data;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder. Default: ~/.quantlab/checkpoints/reference.")
    Path out;
    @Option(names = "--resume", description = "Continue from OUT/last.safetensors if it exists (with the same "
            + "settings).")
    boolean resume;
    @Option(names = "--restart", description = "Start over in a folder that holds a run; its files are renamed to "
            + "*.replaced-<time>, never deleted.")
    boolean restart;
    @Option(names = "--init", paramLabel = "FILE", description = "Start from these weights instead of a fresh init.")
    String init;
    @Option(names = "--export", paramLabel = "FILE", description = "Copy the final weights here when done.")
    Path export;

    @Option(names = "--epochs", defaultValue = "18", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;
    @Option(names = "--batch-size", defaultValue = "128", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;
    @Option(names = "--lr", defaultValue = "0.1", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double lr;
    @Option(names = "--schedule", defaultValue = "ONE_CYCLE",
            description = "CONSTANT, COSINE, WARMUP_COSINE or ONE_CYCLE (default: ${DEFAULT-VALUE}).")
    LrSchedule.Kind schedule;
    @Option(names = "--warmup", defaultValue = "0.15", description = "Warm-up fraction of all steps (default: ${DEFAULT-VALUE}).")
    double warmup;
    @Option(names = "--momentum", defaultValue = "0.9", description = "SGD momentum (default: ${DEFAULT-VALUE}).")
    double momentum;
    @Option(names = "--no-nesterov", description = "Plain momentum instead of Nesterov.")
    boolean noNesterov;
    @Option(names = "--weight-decay", defaultValue = "5e-4", description = "Weight decay on conv/FC weights (default: ${DEFAULT-VALUE}).")
    double weightDecay;
    @Option(names = "--label-smoothing", defaultValue = "0.1", description = "Label smoothing (default: ${DEFAULT-VALUE}).")
    double labelSmoothing;
    @Option(names = "--seed", defaultValue = "42", description = "Seed for init, shuffling and augmentation (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--train-limit", defaultValue = "0", description = "Train on a class-balanced subset of N images (0: all).")
    int trainLimit;
    @Option(names = "--eval-limit", defaultValue = "2000", description = "Test images evaluated after each epoch (0: all; default: ${DEFAULT-VALUE}).")
    int evalLimit;
    @Option(names = "--steps-per-epoch", defaultValue = "0", description = "Cap steps per epoch (0: a full pass).")
    int stepsPerEpoch;
    @Option(names = "--checkpoint-every", defaultValue = "100", description = "Also checkpoint every N steps (0: only per epoch; default: ${DEFAULT-VALUE}).")
    int checkpointEvery;
    @Option(names = "--log-every", defaultValue = "50", description = "Print a step line every N steps (default: ${DEFAULT-VALUE}).")
    int logEvery;

    @Override
    public void run() {
        BatchMemory.check("--batch-size", batchSize, true);
        if (resume && restart) {
            throw new IllegalArgumentException("--resume and --restart exclude each other: continue the run, or "
                    + "start it over");
        }
        TrainConfig config = TrainConfig.builder().epochs(epochs).batchSize(batchSize)
                .schedule(new LrSchedule(schedule, lr, warmup)).momentum(momentum).nesterov(!noNesterov)
                .weightDecay(weightDecay).labelSmoothing(labelSmoothing).seed(seed).trainLimit(trainLimit)
                .evalLimit(evalLimit).stepsPerEpoch(stepsPerEpoch).checkpointEverySteps(checkpointEvery).build();
        Trainer.Start start = resume ? Trainer.Start.RESUME : restart ? Trainer.Start.RESTART : Trainer.Start.NEW;
        Path runDir = out != null ? out : QuantLabHome.dir().resolve("checkpoints").resolve("reference");
        CifarSplit train = data.train();
        CifarSplit test = data.test();
        StateDict initial = init != null ? ModelFiles.load(Path.of(init)) : VggNet.initialWeights(seed);
        System.out.println("training: " + config.describe());
        System.out.println("run folder: " + runDir.toAbsolutePath());
        TrainingListener printer = new TrainingListener() {
            @Override
            public void onStep(StepResult s) {
                if (logEvery > 0 && s.stepInEpoch() % logEvery == 0) {
                    System.out.printf(Locale.ROOT, "epoch %d step %d/%d loss=%.4f acc=%.1f%% lr=%.5f%n", s.epoch(),
                            s.stepInEpoch(), s.stepsInEpoch(), s.loss(), 100.0 * s.correct() / s.batch(), s.lr());
                }
            }

            @Override
            public void onEpoch(EpochResult e) {
                System.out.printf(Locale.ROOT,
                        "Epoch %d train_loss=%.4f train_acc=%.2f%% test_acc=%.2f%% (%d-image subset) %.1f img/s %.0f s%n",
                        e.epoch(), e.trainLoss(), e.trainAccuracy(), e.testAccuracy(),
                        evalLimit <= 0 ? test.size() : Math.min(evalLimit, test.size()), e.imagesPerSecond(),
                        e.epochSeconds());
            }

            @Override
            public void onMessage(String line) {
                System.out.println(line);
            }
        };
        // Ctrl-C or a kill asks the trainer to stop; the JVM waits (up to a minute) until it has saved a checkpoint
        Path fin = runDir.resolve(Trainer.FINAL);
        try (StopOnExit stop = new StopOnExit("quantlab-train-stop", 60);
             NDManager mgr = NDManager.newBaseManager()) {
            try {
                new Trainer(config, runDir, printer, stop.token()).run(mgr, initial, start, train, test);
            } catch (CancelledException e) { // said before StopOnExit closes: a kill exits right then
                throw ReportedStop.report("training " + QuantLabCommand.STOPPED_BY_SIGNAL + "; its checkpoint is "
                        + "saved in " + runDir.resolve(Trainer.LAST).toAbsolutePath() + ": run the same command with "
                        + "--resume to continue");
            }
            System.out.println("final weights: " + fin.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the run folder " + runDir + ": " + e.getMessage(), e);
        }
        if (export != null) {
            try {
                AtomicFiles.write(export, o -> Files.copy(fin, o));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot export the final weights to " + export + " (they stay in " + fin
                        + "): " + e.getMessage(), e);
            }
            System.out.println("exported to " + export.toAbsolutePath());
        }
    }
}
