package dev.quantlab.kmeans.qat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The lesson's k-means pipeline for one bit-width plan: quantize a copy of the fp32 weights, measure the
 * accuracy, and if the drop exceeds the threshold fine-tune with the codebook held fixed in structure
 * (labels never change; only centroids move) until the accuracy is back within the threshold or the epochs
 * run out. Prints the lesson's log lines through the listener. The fp32 weights are never modified.
 */
public final class KMeansQat {
    private final QatConfig config;
    private final Init init;
    private final KMeansQuantizer quantizer;
    private final QatListener listener;
    private final CancellationToken cancel;

    public KMeansQat(QatConfig config, Init init, QatListener listener, CancellationToken cancel) {
        this.config = config;
        this.init = init;
        this.quantizer = new KMeansQuantizer();
        this.listener = listener;
        this.cancel = cancel;
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
        try (VggNet net = VggNet.fromStateDict(parent, q.stateDict())) {
            double before = evaluate(parent, net, test);
            listener.onQuantized(before);
            listener.onMessage(String.format(Locale.ROOT, "    %s-bit k-means quantized model has accuracy=%.2f%%%s",
                    bits, before, qat ? " before quantization-aware training" : ""));
            List<Double> epochs = new ArrayList<>();
            double afterBn = Double.NaN;
            double start = before;
            StateDict startWeights = q.stateDict();
            if (config.bnRecalibrationImages() > 0) {
                BatchNormRecalibrator.recalibrate(parent, net, train, config.bnRecalibrationImages(), 256, config.seed(),
                        ProgressListener.NONE, cancel);
                afterBn = evaluate(parent, net, test);
                start = afterBn;
                startWeights = net.toStateDict();
                listener.onMessage(String.format(Locale.ROOT,
                        "    BatchNorm re-estimated on %d training images: accuracy=%.2f%% (%+.2f points)",
                        config.bnRecalibrationImages(), afterBn, afterBn - before));
            }
            double drop = fp32Accuracy - start;
            if (!qat) {
                return new QatResult(plan.describe(), plan.maxBits(net.architecture()), fp32Accuracy, before, afterBn, start,
                        false, epochs, q, startWeights, kmeansSeconds, 0);
            }
            if (drop <= config.threshold()) {
                listener.onMessage(String.format(Locale.ROOT,
                        "No need for quantization-aware training since accuracy drop=%.2f%% is smaller than "
                                + "threshold=%.2f%%", drop, config.threshold()));
                return new QatResult(plan.describe(), plan.maxBits(net.architecture()), fp32Accuracy, before, afterBn, start,
                        false, epochs, q, startWeights, kmeansSeconds, 0);
            }
            listener.onMessage(String.format(Locale.ROOT,
                    "Quantization-aware training due to accuracy drop=%.2f%% is larger than threshold=%.2f%%", drop,
                    config.threshold()));
            long t1 = System.nanoTime();
            Fit fit = fineTune(parent, net, q, startWeights, fp32Accuracy, start, train, test, epochs);
            return new QatResult(plan.describe(), plan.maxBits(net.architecture()), fp32Accuracy, before, afterBn, fit.best,
                    true, epochs, q, fit.bestWeights, kmeansSeconds, (System.nanoTime() - t1) / 1e9);
        }
    }

    private record Fit(double best, StateDict bestWeights) { }

    private Fit fineTune(NDManager parent, VggNet net, QuantizedModel q, StateDict startWeights, double fp32Accuracy, double before,
            CifarSplit train, CifarSplit test, List<Double> epochAccuracies) {
        Map<String, int[]> labels = new LinkedHashMap<>();
        Map<String, float[]> centroids = new LinkedHashMap<>();
        for (LayerQuantization l : q.layers()) {
            labels.put(l.layer(), l.codebook().labels().unpack());
            centroids.put(l.layer(), l.codebook().centroids().clone());
        }
        SgdOptimizer opt = new SgdOptimizer(net.manager(), config.momentum(), false, config.weightDecay(),
                labels.keySet());
        TrainStep step = new TrainStep(net, opt, 0.0);
        Map<String, NDArray> optimized = new LinkedHashMap<>(step.parameters());
        Map<String, float[]> velocity = new LinkedHashMap<>();
        if (config.rule() == UpdateRule.GRADIENT) {
            labels.keySet().forEach(optimized::remove);
            centroids.forEach((k, v) -> velocity.put(k, new float[v.length]));
        }
        int[] all = train.balancedIndices(0);
        int full = Math.max(1, all.length / config.batchSize());
        int steps = Math.max(1, (int) Math.round(full * config.epochFraction()));
        long total = (long) steps * config.epochs();
        LrSchedule schedule = new LrSchedule(LrSchedule.Kind.COSINE, config.lr(), 0);
        int bs = Math.min(config.batchSize(), all.length);
        float[] buf = new float[bs * CifarSplit.IMAGE_BYTES];
        double best = before;
        StateDict bestWeights = startWeights;
        long global = 0;
        double wall = 0;
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            int[] order = BatchMaker.shuffled(all, new SplittableRandom(config.seed() * 31 + epoch));
            long e0 = System.nanoTime();
            double lossSum = 0;
            long correct = 0;
            double lr = 0;
            for (int s = 0; s < steps; s++) {
                cancel.throwIfCancelled();
                int from = (s * bs) % Math.max(1, all.length - bs + 1);
                BatchMaker.fill(train, order, from, bs, Augmentation.LESSON,
                        new SplittableRandom(config.seed() ^ (global * 0x9E3779B97F4A7C15L)), buf);
                int[] y = BatchMaker.labels(train, order, from, bs);
                lr = schedule.lr(global, total);
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
                lossSum += out.loss() * bs;
                correct += out.correct();
                global++;
                listener.onStep(new StepResult(epoch, s + 1, steps, global, out.loss(), out.correct(), bs, lr));
                listener.onCodebooks(global, centroids);
            }
            double epochSeconds = (System.nanoTime() - e0) / 1e9;
            double acc = evaluate(parent, net, test);
            wall += (System.nanoTime() - e0) / 1e9;
            epochAccuracies.add(acc);
            if (acc > best) {
                best = acc;
                bestWeights = net.toStateDict();
            }
            listener.onMessage(String.format(Locale.ROOT, "Epoch %d Accuracy %.2f%% / Best Accuracy: %.2f%%", epoch, acc,
                    best));
            listener.onEpoch(new EpochResult(epoch, lossSum / ((double) steps * bs), 100.0 * correct / ((double) steps * bs),
                    acc, lr, steps * bs / epochSeconds, epochSeconds, wall));
            if (fp32Accuracy - best <= config.threshold()) {
                break;
            }
        }
        return new Fit(best, bestWeights);
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
