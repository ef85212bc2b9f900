package dev.quantlab.train;

import ai.djl.ndarray.NDManager;
import dev.quantlab.core.AtomicFiles;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.CancelledException;
import dev.quantlab.data.Augmentation;
import dev.quantlab.data.BatchMaker;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.eval.EvalResult;
import dev.quantlab.eval.Evaluator;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.TensorData;
import dev.quantlab.model.VggArchitecture;
import dev.quantlab.model.VggNet;
import dev.quantlab.core.ProgressListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

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

    /**
     * Runs to {@code config.epochs()}, starting from {@code initial} weights (ignored when resuming from
     * {@code runDir/last.safetensors}). Returns the final state; throws CancelledException if cancelled
     * (after saving a checkpoint).
     */
    public TrainingState run(NDManager parent, StateDict initial, boolean resume, CifarSplit train, CifarSplit test)
            throws IOException {
        Files.createDirectories(runDir);
        Path last = runDir.resolve(LAST);
        TrainingState state = new TrainingState();
        StateDict start = initial;
        StateDict momentum = null;
        if (resume && Files.exists(last)) {
            Checkpoint.Loaded ck = Checkpoint.load(last);
            state = ck.state();
            start = ck.weights();
            momentum = ck.momentum();
            listener.onMessage("resuming from " + last + " at epoch " + state.epoch + " step " + state.stepInEpoch);
        }
        try (VggNet net = VggNet.fromStateDict(parent, start)) {
            java.util.List<String> decayed = VggArchitecture.cifarVgg().weightMatrices().stream()
                    .map(VggArchitecture.TensorSpec::name).toList();
            SgdOptimizer opt = new SgdOptimizer(net.manager(), config.momentum(), config.nesterov(),
                    config.weightDecay(), decayed);
            if (momentum != null) {
                momentum.asMap().forEach((k, v) -> opt.setBuffer(k, v.values(), new ai.djl.ndarray.types.Shape(v.shape())));
            }
            TrainStep step = new TrainStep(net, opt, config.labelSmoothing());
            loop(parent, net, opt, step, state, train, test);
            StateDict finalWeights = net.toStateDict();
            dev.quantlab.model.SafetensorsFile.write(runDir.resolve(FINAL), finalWeights,
                    java.util.Map.of("quantlab.kind", "weights", "recipe", config.describe()), TensorData.DType.F32);
        }
        return state;
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
                    throw new dev.quantlab.core.UserFacingException("training diverged: loss is " + out.loss() + " at epoch " + s.epoch
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
