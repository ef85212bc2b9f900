package dev.quantlab.cli;

import ai.djl.ndarray.NDManager;
import dev.quantlab.eval.EvalBenchmark;
import dev.quantlab.model.VggNet;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Benchmarks. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks on this machine.",
        subcommands = {BenchCommand.Eval.class, BenchCommand.KMeans.class, BenchCommand.Int8.class})
public final class BenchCommand implements Runnable {
    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    /** {@code bench eval}: evaluation throughput and the data pipeline's share of it. */
    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Test-set throughput (img/s) of the evaluator against the forward pass alone on pre-built "
                    + "tensors, same images, same run.")
    static final class Eval implements Runnable {
        @Mixin
        ModelOption model;
        @Mixin
        DataOption data;
        @Option(names = "--limit", defaultValue = "1000", description = "Images (default: ${DEFAULT-VALUE}; 0: all).")
        int limit;
        @Option(names = "--batch-size", defaultValue = "250", description = "Batch size (default: ${DEFAULT-VALUE}).")
        int batch;

        @Override
        public void run() {
            var weights = model.load();
            var test = data.test();
            try (NDManager mgr = NDManager.newBaseManager(); VggNet net = VggNet.fromStateDict(mgr, weights)) {
                EvalBenchmark.Result r = EvalBenchmark.run(mgr, net, test, limit, batch);
                System.out.printf(Locale.ROOT, "images: %d (batch %d, %d threads)%n", r.images(), batch,
                        Integer.getInteger("ai.djl.pytorch.num_threads", 0));
                System.out.printf(Locale.ROOT, "evaluator (bytes -> batches -> forward): %.1f img/s%n",
                        r.pipelineImagesPerSecond());
                System.out.printf(Locale.ROOT, "forward only on pre-built tensors:       %.1f img/s%n",
                        r.forwardImagesPerSecond());
                System.out.printf(Locale.ROOT, "data pipeline overhead: %.1f%% of inference time (target < 10%%)%n",
                        r.overheadPercent());
            }
        }
    }

    /** {@code bench kmeans}: the 1-D k-means against a dense n x k Lloyd iteration. */
    @Command(name = "kmeans", mixinStandardHelpOptions = true,
            description = "Time to k-means-quantize the whole VGG at 8, 4 and 2 bits with QuantLab's 1-D method, "
                    + "against a plain n x k Lloyd iteration, as a ratio.")
    static final class KMeans implements Runnable {
        @Mixin
        ModelOption model;
        @Option(names = "--random-weights", description = "Use a freshly initialised VGG instead of a weights file.")
        boolean random;

        @Override
        public void run() {
            var weights = random ? VggNet.initialWeights(0) : model.load();
            new dev.quantlab.kmeans.KMeansBenchmark().run(weights, System.out);
        }
    }

    /** {@code bench int8}: the fp32 model and the integer-only model on the same images. */
    @Command(name = "int8", mixinStandardHelpOptions = true,
            description = "Throughput (img/s) of the fp32 VGG (libtorch, float) and of the integer-only VGG (QuantLab's "
                    + "int8 kernels) on the same test images in one run, with their ratio.")
    static final class Int8 implements Runnable {
        @Mixin
        ModelOption model;
        @Mixin
        DataOption data;
        @Option(names = "--limit", defaultValue = "500", description = "Images (default: ${DEFAULT-VALUE}; 0: all).")
        int limit;

        @Override
        public void run() {
            var fp32 = model.load();
            var test = data.test();
            var train = data.train();
            var experiment = new dev.quantlab.linear.pipeline.LinearExperiment(
                    dev.quantlab.linear.pipeline.ActivationCalibrator.Settings.lesson(),
                    dev.quantlab.core.CancellationToken.none());
            try (NDManager mgr = NDManager.newBaseManager(); VggNet net = VggNet.fromStateDict(mgr, fp32)) {
                var built = experiment.build(mgr, fp32, train, dev.quantlab.linear.IntegerVggConfig.lesson(),
                        dev.quantlab.core.ProgressListener.NONE);
                var evaluator = new dev.quantlab.eval.Evaluator(100);
                var none = dev.quantlab.core.ProgressListener.NONE;
                var go = dev.quantlab.core.CancellationToken.none();
                evaluator.evaluate(mgr, dev.quantlab.eval.Evaluator.of(net), test, 100, none, go);
                experiment.evaluate(built.model(), test, 50, none);
                var f = evaluator.evaluate(mgr, dev.quantlab.eval.Evaluator.of(net), test, limit, none, go);
                var q = experiment.evaluate(built.model(), test, limit, none);
                System.out.printf(Locale.ROOT, "images: %d, %d cores%n", f.images(), Runtime.getRuntime().availableProcessors());
                System.out.printf(Locale.ROOT, "fp32 (libtorch float32, oneDNN):      %7.1f img/s  accuracy %.2f%%%n",
                        f.imagesPerSecond(), f.accuracyPercent());
                System.out.printf(Locale.ROOT, "integer-only (QuantLab int8 kernels): %7.1f img/s  accuracy %.2f%%%n",
                        q.imagesPerSecond(), q.accuracyPercent());
                System.out.printf(Locale.ROOT, "integer / fp32 throughput: %.2fx%n", q.imagesPerSecond() / f.imagesPerSecond());
            }
        }
    }
}
