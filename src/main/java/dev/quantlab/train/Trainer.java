package dev.quantlab.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quantlab.core.AtomicFiles;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.CancelledException;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.core.UserFacingException;
import dev.quantlab.data.Augmentation;
import dev.quantlab.data.BatchMaker;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.eval.EvalResult;
import dev.quantlab.eval.Evaluator;
import dev.quantlab.model.SafetensorsFile;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.TensorData;
import dev.quantlab.model.VggArchitecture;
import dev.quantlab.model.VggNet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Trains the VGG from scratch (or resumes) with SGD, a learning-rate schedule, label smoothing and the
 * lesson's augmentation. Every epoch (and every {@code checkpointEverySteps} steps) it writes
 * {@code <runDir>/last.safetensors} atomically and {@code <runDir>/train-log.csv}; at the end
 * {@code <runDir>/final.safetensors} holds the fp32 weights only. Batches are drawn from seeds derived
 * from (seed, epoch, step), so a resumed run repeats exactly what an uninterrupted one would do.
 */
public final class Trainer {
    public static final String LAST = "last.safetensors";
    public static final String FINAL = "final.safetensors";
    public static final String LOG = "train-log.csv";

    private final TrainConfig config;
    private final Path runDir;
    private final TrainingListener listener;
    private final CancellationToken cancel;

    public Trainer(TrainConfig config, Path runDir, TrainingListener listener, CancellationToken cancel) {
        this.config = config;
        this.runDir = runDir;
        this.listener = listener;
        this.cancel = cancel;
    }

    /** How a run starts in its folder. */
    public enum Start {
        /** A new run: refused when the folder already holds one. */
        NEW,
        /** Continues the run saved in the folder (with the same settings), or starts one if there is none. */
        RESUME,
        /** Starts over: the files of the run already there are renamed (kept aside), never deleted. */
        RESTART
    }

    /**
     * Runs to {@code config.epochs()}, starting from {@code initial} weights (ignored when resuming from
     * {@code runDir/last.safetensors}). Holds the run folder (see {@link RunFolder}) while it runs. Returns the final
     * state; throws CancelledException if cancelled (after saving a checkpoint), and UserFacingException when the
     * folder is in use, holds a run that {@code start} may not touch, or holds one made with other settings.
     */
    public TrainingState run(NDManager parent, StateDict initial, Start start, CifarSplit train, CifarSplit test)
            throws IOException {
        try (RunFolder folder = RunFolder.open(runDir, Set.of(LAST, FINAL, LOG))) {
            if (!folder.swept().isEmpty()) {
                listener.onMessage("removed " + folder.swept().size() + " temporary file(s) left by an interrupted save in "
                        + runDir);
            }
            return run(folder, parent, initial, start, train, test);
        }
    }

    private TrainingState run(RunFolder folder, NDManager parent, StateDict initial, Start start, CifarSplit train,
            CifarSplit test) throws IOException {
        Path last = folder.resolve(LAST);
        TrainingState state = new TrainingState();
        StateDict weights = initial;
        StateDict momentum = null;
        if (Files.exists(last)) {
            switch (start) {
                case NEW -> {
                    TrainingState saved = Checkpoint.load(last).state();
                    throw new UserFacingException(runDir + " already holds a training run (saved at epoch "
                            + saved.epoch + " step " + saved.stepInEpoch + " of " + LAST + "): continue it with "
                            + "--resume, start over with --restart (its files are kept aside), or choose another "
                            + "--out folder");
                }
                case RESTART -> {
                    List<Path> aside = folder.keepAside(List.of(LAST, LOG, FINAL));
                    listener.onMessage("starting over: the earlier run's files were kept as " + aside.stream()
                            .map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")));
                }
                case RESUME -> {
                    Checkpoint.Loaded ck = Checkpoint.load(last);
                    requireSameRecipe(ck.config());
                    state = ck.state();
                    weights = ck.weights();
                    momentum = ck.momentum();
                    listener.onMessage("resuming from " + last + " at epoch " + state.epoch + " step "
                            + state.stepInEpoch);
                }
            }
        }
        try (VggNet net = VggNet.fromStateDict(parent, weights)) {
            List<String> decayed = VggArchitecture.cifarVgg().weightMatrices().stream()
                    .map(VggArchitecture.TensorSpec::name).toList();
            SgdOptimizer opt = new SgdOptimizer(net.manager(), config.momentum(), config.nesterov(),
                    config.weightDecay(), decayed);
            if (momentum != null) {
                momentum.asMap().forEach((k, v) -> opt.setBuffer(k, v.values(), new Shape(v.shape())));
            }
            TrainStep step = new TrainStep(net, opt, config.labelSmoothing());
            loop(parent, net, opt, step, state, train, test);
            StateDict finalWeights = net.toStateDict();
            SafetensorsFile.write(folder.resolve(FINAL), finalWeights,
                    Map.of(Checkpoint.KIND_KEY, "weights", "recipe", config.describe()), TensorData.DType.F32);
        }
        return state;
    }

    /** Refuses to resume a run saved with another recipe, naming each setting that differs. */
    private void requireSameRecipe(String saved) {
        String given = config.describe();
        if (saved.isEmpty() || saved.equals(given)) {
            return;
        }
        Map<String, String> was = fields(saved);
        Map<String, String> now = fields(given);
        List<String> diffs = new ArrayList<>();
        now.forEach((k, v) -> {
            if (!v.equals(was.get(k))) {
                diffs.add(k + " saved " + was.getOrDefault(k, "(none)") + ", given " + v);
            }
        });
        throw new UserFacingException("the run in " + runDir + " was saved with other settings (" + String.join("; ",
                diffs) + "): resume with the saved settings, start over with --restart, or choose another --out "
                + "folder");
    }

    private static Map<String, String> fields(String describe) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : describe.trim().split("\\s+")) {
            int eq = kv.indexOf('=');
            m.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
        }
        return m;
    }

    /** Steps per epoch for a train set of {@code n} images (the last partial batch is dropped). */
    public int stepsPerEpoch(int n) {
        int full = n / config.batchSize();
        return config.stepsPerEpoch() > 0 ? Math.min(full, config.stepsPerEpoch()) : full;
    }

    private void loop(NDManager parent, VggNet net, SgdOptimizer opt, TrainStep step, TrainingState s, CifarSplit train,
            CifarSplit test) throws IOException {
        int[] trainIdx = train.balancedIndices(config.trainLimit());
        int steps = stepsPerEpoch(trainIdx.length);
        if (steps == 0) {
            throw new IllegalArgumentException("train set of " + trainIdx.length + " images is smaller than one batch of "
                    + config.batchSize());
        }
        long totalSteps = (long) steps * config.epochs();
        int bs = config.batchSize();
        float[] buf = new float[bs * CifarSplit.IMAGE_BYTES];
        Evaluator evaluator = new Evaluator();
        while (s.epoch < config.epochs()) {
            int[] order = BatchMaker.shuffled(trainIdx, new SplittableRandom(mix(config.seed(), s.epoch, -1)));
            long t0 = System.nanoTime();
            // the rate of the last step taken (a run resumed after its last step of the epoch logs that one)
            double lr = config.schedule().lr(Math.max(0, s.globalStep - 1), totalSteps);
            while (s.stepInEpoch < steps) {
                if (cancel.isCancelled()) {
                    saveCheckpoint(net, opt, s);
                    cancel.throwIfCancelled();
                }
                SplittableRandom rnd = new SplittableRandom(mix(config.seed(), s.epoch, s.stepInEpoch));
                int from = s.stepInEpoch * bs;
                BatchMaker.fill(train, order, from, bs, Augmentation.LESSON, rnd, buf);
                int[] labels = BatchMaker.labels(train, order, from, bs);
                lr = config.schedule().lr(s.globalStep, totalSteps);
                TrainStep.Outcome out;
                try (NDManager mgr = parent.newSubManager()) {
                    out = step.backward(mgr, buf, labels, bs);
                    step.update(lr);
                }
                if (!Double.isFinite(out.loss())) {
                    throw new UserFacingException("training diverged: loss is " + out.loss() + " at epoch " + s.epoch
                            + " step " + s.stepInEpoch + " (lower the learning rate)");
                }
                s.lossSum += out.loss() * bs;
                s.correct += out.correct();
                s.seen += bs;
                s.stepInEpoch++;
                s.globalStep++;
                double dt = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                s.epochSeconds += dt;
                s.wallSeconds += dt;
                listener.onStep(new StepResult(s.epoch, s.stepInEpoch, steps, s.globalStep, out.loss(), out.correct(), bs,
                        lr));
                if (config.checkpointEverySteps() > 0 && s.stepInEpoch % config.checkpointEverySteps() == 0
                        && s.stepInEpoch < steps) {
                    saveCheckpoint(net, opt, s);
                }
            }
            long e0 = System.nanoTime();
            EvalResult ev;
            try {
                ev = evaluator.evaluate(parent, Evaluator.of(net), test, config.evalLimit(), ProgressListener.NONE,
                        cancel);
            } catch (CancelledException stopped) {
                saveCheckpoint(net, opt, s); // keeps the epoch's steps: a resumed run evaluates, then ends the epoch
                throw stopped;
            }
            s.wallSeconds += (System.nanoTime() - e0) / 1e9;
            EpochResult r = new EpochResult(s.epoch, s.lossSum / s.seen, 100.0 * s.correct / s.seen,
                    ev.accuracyPercent(), lr, s.seen / s.epochSeconds, s.epochSeconds, s.wallSeconds);
            s.history.add(r);
            s.epoch++;
            s.stepInEpoch = 0;
            s.lossSum = 0;
            s.correct = 0;
            s.seen = 0;
            s.epochSeconds = 0;
            saveCheckpoint(net, opt, s);
            listener.onEpoch(r);
        }
    }

    private void saveCheckpoint(VggNet net, SgdOptimizer opt, TrainingState s) throws IOException {
        Checkpoint.save(runDir.resolve(LAST), net, opt, s, config, TensorData.DType.F32);
        String csv = s.historyCsv();
        AtomicFiles.write(runDir.resolve(LOG), out -> out.write(csv.getBytes(StandardCharsets.UTF_8)));
    }

    /** A 64-bit seed for (seed, epoch, step), well mixed so neighbouring steps are unrelated. */
    static long mix(long seed, long epoch, long step) {
        long z = seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + step * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
