package dev.quantlab.kmeans.qat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.CancelledException;
import dev.quantlab.core.UserFacingException;
import dev.quantlab.data.Augmentation;
import dev.quantlab.data.BatchMaker;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggNet;
import dev.quantlab.train.EpochResult;
import dev.quantlab.train.LrSchedule;
import dev.quantlab.train.SgdOptimizer;
import dev.quantlab.train.StepResult;
import dev.quantlab.train.TrainStep;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The QAT loop: SGD on the network with the codebook held fixed in structure (labels never change; after every
 * step the centroid rule moves the centroids and rewrites the weights), a cosine schedule, an evaluation after each
 * epoch, until the accuracy is back within the threshold or the epochs run out. Batches and learning rates depend
 * only on (seed, epoch, step), so a resumed run repeats what an uninterrupted one does.
 */
final class FineTuning {
    private final QatConfig config;
    private final QatListener listener;
    private final QatLog log;
    private final CancellationToken cancel;

    FineTuning(QatConfig config, QatListener listener, QatLog log, CancellationToken cancel) {
        this.config = config;
        this.listener = listener;
        this.log = log;
        this.cancel = cancel;
    }

    /** One plan's fine-tuning: what it tunes, where it saves (null: nowhere), its data. */
    record Job(QatSubject subject, QatCheckpoint checkpoint, CifarSplit train, TestAccuracy accuracy) { }

    /**
     * Where it starts: the network (its weights), the state (epoch, step, sums), the codebooks, the optimizer's
     * momentum buffers (null: zero) and the best weights so far.
     */
    record Start(VggNet net, QatState state, Codebooks books, StateDict momentum, StateDict bestWeights) { }

    /**
     * Fine-tunes from {@code from} on; returns the result with the best weights. Stopped, it throws
     * {@link QatStoppedException} with the best reached so far (its state saved first when checkpointing).
     */
    QatResult run(NDManager parent, Job job, Start from) {
        VggNet net = from.net();
        QatState s = from.state();
        Codebooks books = from.books();
        QatCheckpoint ck = job.checkpoint();
        SgdOptimizer opt = new SgdOptimizer(net.manager(), config.momentum(), false, config.weightDecay(),
                books.layers());
        if (from.momentum() != null) {
            from.momentum().asMap().forEach((k, v) -> opt.setBuffer(k, v.values(), new Shape(v.shape())));
        }
        TrainStep step = new TrainStep(net, opt, 0.0);
        Map<String, NDArray> optimized = new LinkedHashMap<>(step.parameters());
        if (config.rule() == UpdateRule.GRADIENT) {
            books.layers().forEach(optimized::remove);
        }
        CifarSplit train = job.train();
        int[] all = train.balancedIndices(0);
        int full = Math.max(1, all.length / config.batchSize());
        int steps = Math.max(1, (int) Math.round(full * config.epochFraction()));
        long total = (long) steps * config.epochs();
        LrSchedule schedule = new LrSchedule(LrSchedule.Kind.COSINE, config.lr(), 0);
        int bs = Math.min(config.batchSize(), all.length);
        float[] buf = new float[bs * CifarSplit.IMAGE_BYTES];
        StateDict best = from.bestWeights();
        Clock clock = new Clock(s);
        Runnable saveNow = () -> ck.save(net.toStateDict(), opt.buffers(), books, s);
        listener.onCodebooks(s.global, books.centroids()); // where the centroids start (a chart's reference)
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
                    int first = (st * bs) % Math.max(1, all.length - bs + 1);
                    BatchMaker.fill(train, order, first, bs, Augmentation.LESSON,
                            new SplittableRandom(config.seed() ^ (s.global * 0x9E3779B97F4A7C15L)), buf);
                    int[] y = BatchMaker.labels(train, order, first, bs);
                    lr = schedule.lr(s.global, total);
                    TrainStep.Outcome out;
                    try (NDManager m = parent.newSubManager()) {
                        out = step.backward(m, buf, y, bs);
                        if (config.rule() == UpdateRule.MEAN) {
                            opt.step(optimized, lr);
                            books.applyMeanRule(net);
                        } else {
                            books.applyGradientRule(net, config.momentum(), lr);
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
                    listener.onCodebooks(s.global, books.centroids());
                    if (ck != null && ck.dueAfter(s.step, steps)) {
                        clock.lap(true);
                        saveNow.run();
                    }
                }
                clock.lap(true);
                double trainSeconds = s.epochSeconds;
                double acc;
                try {
                    acc = job.accuracy().of(parent, net);
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
                log.epoch(epoch, acc, s.best);
                listener.onEpoch(new EpochResult(epoch, s.lossSum / ((double) steps * bs),
                        100.0 * s.correct / ((double) steps * bs), acc, lr, steps * bs / trainSeconds, trainSeconds,
                        s.qatSeconds));
                s.epoch = epoch + 1;
                s.step = 0;
                s.lossSum = 0;
                s.correct = 0;
                s.epochSeconds = 0;
                s.done = job.subject().fp32Accuracy() - s.best <= config.threshold() || s.epoch == config.epochs();
                if (ck != null) {
                    ck.save(now, opt.buffers(), books, s);
                }
                if (s.done) {
                    break;
                }
            }
        } catch (CancelledException stopped) {
            throw new QatStoppedException(job.subject().result(s, best, true, true));
        }
        return job.subject().result(s, best, true, false);
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
}
