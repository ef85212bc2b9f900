package dev.quantlab.kmeans.qat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.CancelledException;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.core.UserFacingException;
import dev.quantlab.data.Augmentation;
import dev.quantlab.data.BatchMaker;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.eval.Evaluator;
import dev.quantlab.kmeans.BitWidthPlan;
import dev.quantlab.kmeans.CentroidUpdate;
import dev.quantlab.kmeans.CodebookStep;
import dev.quantlab.kmeans.Init;
import dev.quantlab.kmeans.KMeansQuantizer;
import dev.quantlab.kmeans.LayerQuantization;
import dev.quantlab.kmeans.QuantizedModel;
import dev.quantlab.model.GradMode;
import dev.quantlab.model.ModelSize;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggNet;
import dev.quantlab.train.BatchNormRecalibrator;
import dev.quantlab.train.EpochResult;
import dev.quantlab.train.LrSchedule;
import dev.quantlab.train.SgdOptimizer;
import dev.quantlab.train.StepResult;
import dev.quantlab.train.TrainStep;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The lesson's k-means pipeline for one bit-width plan: quantize a copy of the fp32 weights, measure the
 * accuracy, and if the drop exceeds the threshold fine-tune with the codebook held fixed in structure
 * (labels never change; only centroids move) until the accuracy is back within the threshold or the epochs
 * run out. Prints the lesson's log lines through the listener. The fp32 weights are never modified.
 *
 * <p>With {@link #withCheckpoints} the fine-tuning saves its state every few steps and after every epoch (see
 * {@link QatCheckpoint}), so a run longer than a working session can be resumed: the resumed run replays the same
 * batches and learning rates and reprints the lesson's lines from the saved accuracies.
 */
public final class KMeansQat {
    private final QatConfig config;
    private final Init init;
    private final KMeansQuantizer quantizer;
    private final QatListener listener;
    private final CancellationToken cancel;
    private final Path checkpointRoot;
    private final int checkpointEvery;
    private final boolean resume;

    public KMeansQat(QatConfig config, Init init, QatListener listener, CancellationToken cancel) {
        this(config, init, listener, cancel, null, 0, false);
    }

    private KMeansQat(QatConfig config, Init init, QatListener listener, CancellationToken cancel, Path checkpointRoot,
                      int checkpointEvery, boolean resume) {
        this.config = config;
        this.init = init;
        this.quantizer = new KMeansQuantizer();
        this.listener = listener;
        this.cancel = cancel;
        this.checkpointRoot = checkpointRoot;
        this.checkpointEvery = checkpointEvery;
        this.resume = resume;
    }

    /**
     * The same runner, checkpointing fine-tuning into {@code root/<plan>} every {@code everySteps} steps and after
     * each epoch. With {@code resume} a saved run continues; without it an existing checkpoint is never
     * overwritten (the run is refused with a message).
     */
    public KMeansQat withCheckpoints(Path root, int everySteps, boolean resume) {
        if (everySteps <= 0) {
            throw new IllegalArgumentException("checkpoint interval must be positive, got " + everySteps);
        }
        return new KMeansQat(config, init, listener, cancel, root, everySteps, resume);
    }

    /** The checkpoint folder of {@code plan} under {@code root} (e.g. {@code root/2-bit}). */
    public static Path checkpointFolder(Path root, BitWidthPlan plan) {
        return root.resolve(plan.describe().replaceAll("[^A-Za-z0-9]+", "-"));
    }

    /** Quantizes {@code fp32} with {@code plan}; runs QAT when {@code qat} is set and the drop is too large. */
    public QatResult run(NDManager parent, StateDict fp32, double fp32Accuracy, BitWidthPlan plan, boolean qat,
            CifarSplit train, CifarSplit test) {
        GradMode.offOnThisThread();
        String bits = plan.isUniform(dev.quantlab.model.VggArchitecture.cifarVgg())
                ? Integer.toString(plan.convBits()) : plan.describe();
        listener.onMessage("k-means quantizing model into " + bits + " bits");
        long t0 = System.nanoTime();
        QuantizedModel q = quantizer.quantize(fp32, plan, init, config.seed(), ProgressListener.NONE, cancel);
        double kmeansSeconds = (System.nanoTime() - t0) / 1e9;
        listener.onMessage(String.format(Locale.ROOT, "    %s-bit k-means quantized model has size=%s", bits,
                ModelSize.formatMib(q.sizeReport().lessonMib())));
        QatCheckpoint ck = qat && checkpointRoot != null
                ? new QatCheckpoint(checkpointFolder(checkpointRoot, plan), settings(fp32, plan)) : null;
        Optional<QatCheckpoint.Loaded> saved = ck == null ? Optional.empty() : ck.load();
        if (saved.isPresent() && !resume) {
            throw new dev.quantlab.core.UserFacingException(ck.folder() + " already holds a QAT checkpoint (epoch "
                    + saved.get().state().epoch + " step " + saved.get().state().step + "): resume it, or choose "
                    + "another checkpoint folder, or delete that one to start over");
        }
        if (saved.isPresent()) {
            return resumed(parent, ck, saved.get(), q, fp32Accuracy, plan, bits, train, test);
        }
        QatState s = new QatState();
        s.kmeansSeconds = kmeansSeconds;
        try (VggNet net = VggNet.fromStateDict(parent, q.stateDict())) {
            s.accuracyBefore = evaluate(parent, net, test);
            announceBefore(bits, qat, s);
            s.start = s.accuracyBefore;
            StateDict startWeights = q.stateDict();
            if (config.bnRecalibrationImages() > 0) {
                BatchNormRecalibrator.recalibrate(parent, net, train, config.bnRecalibrationImages(), 256, config.seed(),
                        ProgressListener.NONE, cancel);
                s.accuracyAfterBn = evaluate(parent, net, test);
                s.start = s.accuracyAfterBn;
                startWeights = net.toStateDict();
                announceBn(s);
            }
            double drop = fp32Accuracy - s.start;
            if (qat && drop <= config.threshold()) {
                listener.onMessage(String.format(Locale.ROOT,
                        "No need for quantization-aware training since accuracy drop=%.2f%% is smaller than "
                                + "threshold=%.2f%%", drop, config.threshold()));
            }
            if (!qat || drop <= config.threshold()) {
                return new QatResult(plan.describe(), plan.maxBits(net.architecture()), fp32Accuracy, s.accuracyBefore,
                        s.accuracyAfterBn, s.start, false, List.of(), q, startWeights, kmeansSeconds, 0, false);
            }
            announceTraining(fp32Accuracy, s);
            s.best = s.start;
            Codebooks books = Codebooks.of(q, config.rule());
            if (ck != null) {
                ck.saveBest(startWeights);
            }
            return fineTune(parent, net, ck, s, books, null, startWeights, new Subject(plan, q, fp32Accuracy), train,
                    test);
        }
    }

    private QatResult resumed(NDManager parent, QatCheckpoint ck, QatCheckpoint.Loaded saved, QuantizedModel q,
            double fp32Accuracy, BitWidthPlan plan, String bits, CifarSplit train, CifarSplit test) {
        QatState s = saved.state();
        announceBefore(bits, true, s);
        if (!Double.isNaN(s.accuracyAfterBn)) {
            announceBn(s);
        }
        announceTraining(fp32Accuracy, s);
        listener.onMessage(s.done ? "    finished before: results from the checkpoint in " + ck.folder()
                : "    resuming from " + ck.folder() + " at epoch " + s.epoch + " step " + s.step);
        double best = s.start;
        for (int e = 0; e < s.epochAccuracies.size(); e++) {
            best = Math.max(best, s.epochAccuracies.get(e));
            announceEpoch(e, s.epochAccuracies.get(e), best);
        }
        Subject subject = new Subject(plan, q, fp32Accuracy);
        if (s.done) {
            return subject.result(s, ck.loadBest(), false);
        }
        Codebooks books = new Codebooks(Codebooks.of(q, config.rule()).labels(), saved.centroids(), saved.velocity());
        try (VggNet net = VggNet.fromStateDict(parent, saved.weights())) {
            return fineTune(parent, net, ck, s, books, saved.momentum(), ck.loadBest(), subject, train, test);
        }
    }

    /** What is being fine-tuned: the plan, its k-means model and the fp32 accuracy the drop is measured from. */
    private record Subject(BitWidthPlan plan, QuantizedModel q, double fp32Accuracy) {
        QatResult result(QatState s, StateDict best, boolean stopped) {
            return new QatResult(plan.describe(), plan.maxBits(dev.quantlab.model.VggArchitecture.cifarVgg()),
                    fp32Accuracy, s.accuracyBefore, s.accuracyAfterBn, s.best, true, List.copyOf(s.epochAccuracies), q,
                    best, s.kmeansSeconds, s.qatSeconds, stopped);
        }
    }

    private void announceBefore(String bits, boolean qat, QatState s) {
        listener.onQuantized(s.accuracyBefore);
        listener.onMessage(String.format(Locale.ROOT, "    %s-bit k-means quantized model has accuracy=%.2f%%%s",
                bits, s.accuracyBefore, qat ? " before quantization-aware training" : ""));
    }

    private void announceBn(QatState s) {
        listener.onMessage(String.format(Locale.ROOT,
                "    BatchNorm re-estimated on %d training images: accuracy=%.2f%% (%+.2f points)",
                config.bnRecalibrationImages(), s.accuracyAfterBn, s.accuracyAfterBn - s.accuracyBefore));
    }

    private void announceTraining(double fp32Accuracy, QatState s) {
        listener.onMessage(String.format(Locale.ROOT,
                "Quantization-aware training due to accuracy drop=%.2f%% is larger than threshold=%.2f%%",
                fp32Accuracy - s.start, config.threshold()));
    }

    private void announceEpoch(int epoch, double accuracy, double best) {
        listener.onMessage(String.format(Locale.ROOT, "Epoch %d Accuracy %.2f%% / Best Accuracy: %.2f%%", epoch,
                accuracy, best));
    }

    /** Everything that shapes a run: a checkpoint made with anything else is not resumed. */
    private String settings(StateDict fp32, BitWidthPlan plan) {
        return "plan=" + plan.describe() + " init=" + init + " " + config + " fp32=" + fingerprint(fp32);
    }

    /** A hash of every tensor's name and values (tells two fp32 models apart). */
    static String fingerprint(StateDict sd) {
        long h = 17;
        for (Map.Entry<String, dev.quantlab.model.TensorData> e : new TreeMap<>(sd.asMap()).entrySet()) {
            h = 31 * h + e.getKey().hashCode();
            h = 31 * h + Arrays.hashCode(e.getValue().values());
            h = 31 * h + e.getValue().longValue();
        }
        return Long.toHexString(h);
    }

    /**
     * Per quantized layer: the fixed labels, the current centroids and (gradient rule) the centroids' momentum.
     */
    private record Codebooks(Map<String, int[]> labels, Map<String, float[]> centroids, Map<String, float[]> velocity) {
        static Codebooks of(QuantizedModel q, UpdateRule rule) {
            Map<String, int[]> labels = new LinkedHashMap<>();
            Map<String, float[]> centroids = new LinkedHashMap<>();
            Map<String, float[]> velocity = new LinkedHashMap<>();
            for (LayerQuantization l : q.layers()) {
                labels.put(l.layer(), l.codebook().labels().unpack());
                centroids.put(l.layer(), l.codebook().centroids().clone());
                if (rule == UpdateRule.GRADIENT) {
                    velocity.put(l.layer(), new float[l.codebook().centroids().length]);
                }
            }
            return new Codebooks(labels, centroids, velocity);
        }
    }

    /**
     * Fine-tunes from {@code s} (epoch, step) on; returns the result with the best weights. {@code momentum} may be
     * null. Stopped, it throws {@link QatStoppedException} with the best reached so far (its state saved first when
     * checkpointing).
     */
    private QatResult fineTune(NDManager parent, VggNet net, QatCheckpoint ck, QatState s, Codebooks books,
            StateDict momentum, StateDict bestWeights, Subject subject, CifarSplit train, CifarSplit test) {
        Map<String, int[]> labels = books.labels();
        Map<String, float[]> centroids = new LinkedHashMap<>(books.centroids());
        Map<String, float[]> velocity = books.velocity();
        SgdOptimizer opt = new SgdOptimizer(net.manager(), config.momentum(), false, config.weightDecay(),
                labels.keySet());
        if (momentum != null) {
            momentum.asMap().forEach((k, v) -> opt.setBuffer(k, v.values(), new ai.djl.ndarray.types.Shape(v.shape())));
        }
        TrainStep step = new TrainStep(net, opt, 0.0);
        Map<String, NDArray> optimized = new LinkedHashMap<>(step.parameters());
        if (config.rule() == UpdateRule.GRADIENT) {
            labels.keySet().forEach(optimized::remove);
        }
        int[] all = train.balancedIndices(0);
        int full = Math.max(1, all.length / config.batchSize());
        int steps = Math.max(1, (int) Math.round(full * config.epochFraction()));
        long total = (long) steps * config.epochs();
        LrSchedule schedule = new LrSchedule(LrSchedule.Kind.COSINE, config.lr(), 0);
        int bs = Math.min(config.batchSize(), all.length);
        float[] buf = new float[bs * CifarSplit.IMAGE_BYTES];
        StateDict best = bestWeights;
        Clock clock = new Clock(s);
        Runnable saveNow = () -> ck.save(net.toStateDict(), opt.buffers(), centroids, velocity, s);
        try {
            for (int epoch = s.epoch; epoch < config.epochs(); epoch++) {
                int[] order = BatchMaker.shuffled(all, new SplittableRandom(config.seed() * 31 + epoch));
                double lr = schedule.lr(s.global, total);
                for (int st = s.step; st < steps; st++) {
                    if (cancel.isCancelled()) {
                        if (ck != null) { // keeps every step taken: a resumed run starts at this one
                            clock.lap(true);
                            saveNow.run();
                        }
                        cancel.throwIfCancelled();
                    }
                    int from = (st * bs) % Math.max(1, all.length - bs + 1);
                    BatchMaker.fill(train, order, from, bs, Augmentation.LESSON,
                            new SplittableRandom(config.seed() ^ (s.global * 0x9E3779B97F4A7C15L)), buf);
                    int[] y = BatchMaker.labels(train, order, from, bs);
                    lr = schedule.lr(s.global, total);
                    TrainStep.Outcome out;
                    try (NDManager m = parent.newSubManager()) {
                        out = step.backward(m, buf, y, bs);
                        if (config.rule() == UpdateRule.MEAN) {
                            opt.step(optimized, lr);
                            applyMeanRule(net, labels, centroids);
                        } else {
                            applyGradientRule(net, labels, centroids, velocity, lr);
                            opt.step(optimized, lr);
                        }
                    }
                    if (!Double.isFinite(out.loss())) {
                        throw new UserFacingException("quantization-aware training diverged: loss is " + out.loss()
                                + " at epoch " + epoch + " step " + (st + 1) + " (lower the learning rate)");
                    }
                    s.lossSum += out.loss() * bs;
                    s.correct += out.correct();
                    s.global++;
                    s.step = st + 1;
                    listener.onStep(new StepResult(epoch, st + 1, steps, s.global, out.loss(), out.correct(), bs, lr));
                    listener.onCodebooks(s.global, centroids);
                    if (ck != null && s.step < steps && s.step % checkpointEvery == 0) {
                        clock.lap(true);
                        saveNow.run();
                    }
                }
                clock.lap(true);
                double trainSeconds = s.epochSeconds;
                double acc;
                try {
                    acc = evaluate(parent, net, test);
                } catch (CancelledException stopped) {
                    if (ck != null) { // the epoch's steps are kept: a resumed run evaluates, then ends the epoch
                        saveNow.run();
                    }
                    throw stopped;
                }
                clock.lap(false);
                s.epochAccuracies.add(acc);
                boolean improved = acc > s.best;
                StateDict now = improved || ck != null ? net.toStateDict() : null;
                if (improved) {
                    s.best = acc;
                    best = now;
                    if (ck != null) {
                        ck.saveBest(best);
                    }
                }
                announceEpoch(epoch, acc, s.best);
                listener.onEpoch(new EpochResult(epoch, s.lossSum / ((double) steps * bs),
                        100.0 * s.correct / ((double) steps * bs), acc, lr, steps * bs / trainSeconds, trainSeconds,
                        s.qatSeconds));
                s.epoch = epoch + 1;
                s.step = 0;
                s.lossSum = 0;
                s.correct = 0;
                s.epochSeconds = 0;
                s.done = subject.fp32Accuracy() - s.best <= config.threshold() || s.epoch == config.epochs();
                if (ck != null) {
                    ck.save(now, opt.buffers(), centroids, velocity, s);
                }
                if (s.done) {
                    break;
                }
            }
        } catch (CancelledException stopped) {
            throw new QatStoppedException(subject.result(s, best, true));
        }
        return subject.result(s, best, false);
    }

    /** Adds wall time since the last lap to the run's totals (and to the epoch's training time if asked). */
    private static final class Clock {
        private final QatState s;
        private long mark = System.nanoTime();

        Clock(QatState s) {
            this.s = s;
        }

        void lap(boolean training) {
            long now = System.nanoTime();
            double d = (now - mark) / 1e9;
            mark = now;
            s.qatSeconds += d;
            if (training) {
                s.epochSeconds += d;
            }
        }
    }

    /** The lesson's rule: centroid = mean of its (updated) weights, then weights rewritten from the codebook. */
    private static void applyMeanRule(VggNet net, Map<String, int[]> labels, Map<String, float[]> centroids) {
        for (Map.Entry<String, int[]> e : labels.entrySet()) {
            String name = e.getKey();
            float[] w = net.array(name).toFloatArray();
            CodebookStep cs = CentroidUpdate.meanRule(w, e.getValue(), centroids.get(name));
            centroids.put(name, cs.centroids());
            net.setValues(name, cs.weights());
        }
    }

    /** The true gradient: dL/dC_k summed over the cluster, SGD with momentum on the centroids, weights decoded. */
    private void applyGradientRule(VggNet net, Map<String, int[]> labels, Map<String, float[]> centroids,
            Map<String, float[]> velocity, double lr) {
        for (Map.Entry<String, int[]> e : labels.entrySet()) {
            String name = e.getKey();
            float[] grad;
            try (NDArray g = net.array(name).getGradient()) {
                grad = g.toFloatArray();
                g.subi(g);
            }
            float[] c = centroids.get(name);
            float[] cg = CentroidUpdate.centroidGradient(grad, e.getValue(), c.length);
            float[] v = velocity.get(name);
            float[] next = c.clone();
            for (int k = 0; k < c.length; k++) {
                v[k] = (float) (config.momentum() * v[k] + cg[k]);
                next[k] = (float) (c[k] - lr * v[k]);
            }
            centroids.put(name, next);
            net.setValues(name, CentroidUpdate.decode(next, e.getValue()));
        }
    }

    private double evaluate(NDManager parent, VggNet net, CifarSplit test) {
        return new Evaluator().evaluate(parent, Evaluator.of(net), test, config.evalLimit(), ProgressListener.NONE, cancel)
                .accuracyPercent();
    }
}
