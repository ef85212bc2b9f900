package dev.quantlab.kmeans.qat;

import ai.djl.ndarray.NDManager;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.core.UserFacingException;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.kmeans.BitWidthPlan;
import dev.quantlab.kmeans.Init;
import dev.quantlab.kmeans.KMeansQuantizer;
import dev.quantlab.kmeans.QuantizedModel;
import dev.quantlab.model.GradMode;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.TensorData;
import dev.quantlab.model.VggArchitecture;
import dev.quantlab.model.VggNet;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The lesson's k-means pipeline for one bit-width plan: quantize a copy of the fp32 weights, measure the
 * accuracy (optionally after re-estimating BatchNorm, {@link BnReestimation}), and if the drop exceeds the threshold
 * fine-tune ({@link FineTuning}, moving the centroids with one of the {@link Codebooks} rules) until the accuracy is
 * back within the threshold or the epochs run out. Prints the lesson's log lines ({@link QatLog}) through the
 * listener. The fp32 weights are never modified.
 *
 * <p>With {@link #withCheckpoints} the fine-tuning saves its state every few steps and after every epoch (see
 * {@link QatCheckpoint}), so a run longer than a working session can be resumed: the resumed run replays the same
 * batches and learning rates and reprints the lesson's lines from the saved accuracies.
 */
public final class KMeansQat {
    private final QatConfig config;
    private final Init init;
    private final QatListener listener;
    private final CancellationToken cancel;
    private final Checkpoints checkpoints;
    private final QatLog log;

    /** Where and how often fine-tuning saves, and whether a saved run is continued. */
    private record Checkpoints(Path root, int everySteps, boolean resume) { }

    public KMeansQat(QatConfig config, Init init, QatListener listener, CancellationToken cancel) {
        this(config, init, listener, cancel, null);
    }

    private KMeansQat(QatConfig config, Init init, QatListener listener, CancellationToken cancel,
                      Checkpoints checkpoints) {
        this.config = config;
        this.init = init;
        this.listener = listener;
        this.cancel = cancel;
        this.checkpoints = checkpoints;
        this.log = new QatLog(listener, config);
    }

    /**
     * The same runner, checkpointing fine-tuning into {@code root/<plan>} every {@code everySteps} steps and after
     * each epoch. With {@code resume} a saved run continues; without it an existing checkpoint is never
     * overwritten (the run is refused with a message). A plan's folder is locked while its run holds it.
     */
    public KMeansQat withCheckpoints(Path root, int everySteps, boolean resume) {
        if (everySteps <= 0) {
            throw new IllegalArgumentException("checkpoint interval must be positive, got " + everySteps);
        }
        return new KMeansQat(config, init, listener, cancel, new Checkpoints(root, everySteps, resume));
    }

    /** The checkpoint folder of {@code plan} under {@code root} (e.g. {@code root/2-bit}). */
    public static Path checkpointFolder(Path root, BitWidthPlan plan) {
        return root.resolve(plan.describe().replaceAll("[^A-Za-z0-9]+", "-"));
    }

    /** Quantizes {@code fp32} with {@code plan}; runs QAT when {@code qat} is set and the drop is too large. */
    public QatResult run(NDManager parent, StateDict fp32, double fp32Accuracy, BitWidthPlan plan, boolean qat,
            CifarSplit train, CifarSplit test) {
        GradMode.offOnThisThread();
        boolean uniform = plan.isUniform(VggArchitecture.cifarVgg());
        String bits = uniform ? plan.convBits() + "-bit" : plan.describe();
        log.quantizing(uniform ? plan.convBits() + " bits" : plan.describe());
        long t0 = System.nanoTime();
        QuantizedModel q = new KMeansQuantizer().quantize(fp32, plan, init, config.seed(), ProgressListener.NONE,
                cancel);
        double kmeansSeconds = (System.nanoTime() - t0) / 1e9;
        log.size(bits, q.sizeReport().lessonMib());
        QatSubject subject = new QatSubject(plan, q, fp32Accuracy);
        TestAccuracy accuracy = new TestAccuracy(test, config.evalLimit(), cancel);
        if (!qat || checkpoints == null) {
            return fresh(parent, null, subject, bits, qat, kmeansSeconds, train, accuracy);
        }
        try (QatCheckpoint ck = QatCheckpoint.open(checkpointFolder(checkpoints.root(), plan), settings(fp32, plan),
                checkpoints.everySteps())) {
            Optional<QatCheckpoint.Loaded> saved = ck.load();
            if (saved.isPresent() && !checkpoints.resume()) {
                throw new UserFacingException(ck.folder() + " already holds a QAT checkpoint (epoch "
                        + saved.get().state().epoch + " step " + saved.get().state().step + "): resume it, or choose "
                        + "another checkpoint folder, or delete that one to start over");
            }
            if (saved.isPresent()) {
                return resumed(parent, ck, saved.get(), subject, bits, train, accuracy);
            }
            return fresh(parent, ck, subject, bits, true, kmeansSeconds, train, accuracy);
        }
    }

    /** A run from the k-means model: measure, maybe re-estimate BatchNorm, and fine-tune if the drop is too large. */
    private QatResult fresh(NDManager parent, QatCheckpoint ck, QatSubject subject, String bits, boolean qat,
            double kmeansSeconds, CifarSplit train, TestAccuracy accuracy) {
        QatState s = new QatState();
        s.kmeansSeconds = kmeansSeconds;
        BnReestimation bn = new BnReestimation(config.bnRecalibrationImages(), config.seed(), cancel);
        try (VggNet net = VggNet.fromStateDict(parent, subject.q().stateDict())) {
            s.accuracyBefore = accuracy.of(parent, net);
            log.before(bits, qat, s);
            s.start = s.accuracyBefore;
            StateDict startWeights = subject.q().stateDict();
            if (bn.enabled()) {
                bn.apply(parent, net, train);
                s.accuracyAfterBn = accuracy.of(parent, net);
                s.start = s.accuracyAfterBn;
                startWeights = net.toStateDict();
                log.bn(s);
            }
            double drop = subject.fp32Accuracy() - s.start;
            if (qat && drop <= config.threshold()) {
                log.noTrainingNeeded(drop);
            }
            if (!qat || drop <= config.threshold()) {
                return subject.result(s, startWeights, false, false);
            }
            log.training(subject.fp32Accuracy(), s);
            s.best = s.start;
            if (ck != null) {
                ck.saveBest(startWeights);
            }
            return new FineTuning(config, listener, log, cancel).run(parent,
                    new FineTuning.Job(subject, ck, train, accuracy),
                    new FineTuning.Start(net, s, Codebooks.of(subject.q(), config.rule()), null, startWeights));
        }
    }

    /** A run continued from its checkpoint: the lesson's lines again from the saved accuracies, then fine-tuning. */
    private QatResult resumed(NDManager parent, QatCheckpoint ck, QatCheckpoint.Loaded saved, QatSubject subject,
            String bits, CifarSplit train, TestAccuracy accuracy) {
        QatState s = saved.state();
        log.before(bits, true, s);
        if (!Double.isNaN(s.accuracyAfterBn)) {
            log.bn(s);
        }
        log.training(subject.fp32Accuracy(), s);
        log.line(s.done ? "    finished before: results from the checkpoint in " + ck.folder()
                : "    resuming from " + ck.folder() + " at epoch " + s.epoch + " step " + s.step);
        double best = s.start;
        for (int e = 0; e < s.epochAccuracies.size(); e++) {
            best = Math.max(best, s.epochAccuracies.get(e));
            log.epoch(e, s.epochAccuracies.get(e), best);
        }
        if (s.done) {
            return subject.result(s, ck.loadBest(), true, false);
        }
        Codebooks books = Codebooks.of(subject.q(), config.rule()).restored(saved.centroids(), saved.velocity());
        try (VggNet net = VggNet.fromStateDict(parent, saved.weights())) {
            return new FineTuning(config, listener, log, cancel).run(parent,
                    new FineTuning.Job(subject, ck, train, accuracy),
                    new FineTuning.Start(net, s, books, saved.momentum(), ck.loadBest()));
        }
    }

    /** Everything that shapes a run: a checkpoint made with anything else is not resumed. */
    private String settings(StateDict fp32, BitWidthPlan plan) {
        return "plan=" + plan.describe() + " init=" + init + " " + config.describe() + " fp32=" + fingerprint(fp32);
    }

    /** A hash of every tensor's name and values (tells two fp32 models apart). */
    static String fingerprint(StateDict sd) {
        long h = 17;
        for (Map.Entry<String, TensorData> e : new TreeMap<>(sd.asMap()).entrySet()) {
            h = 31 * h + e.getKey().hashCode();
            h = 31 * h + Arrays.hashCode(e.getValue().values());
            h = 31 * h + e.getValue().longValue();
        }
        return Long.toHexString(h);
    }
}
