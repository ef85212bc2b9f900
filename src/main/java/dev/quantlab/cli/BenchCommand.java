package dev.quantlab.cli;

import ai.djl.ndarray.NDManager;
import dev.quantlab.eval.EvalBenchmark;
import dev.quantlab.onnx.EngineBenchmark;
import dev.quantlab.model.VggNet;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Benchmarks. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks on this machine.",
        subcommands = {BenchCommand.Eval.class, BenchCommand.KMeans.class, BenchCommand.Int8.class,
            BenchSliderCommand.class})
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

    /** {@code bench int8}: fp32 and int8 on libtorch, QuantLab's kernels and ONNX Runtime, same images, one run. */
    @Command(name = "int8", mixinStandardHelpOptions = true,
            description = {"Runs on the same test images in one run (batches of 100 interleaved engine by engine, then "
                    + "single images): fp32 on DJL/libtorch (as trained and BatchNorm-folded), QuantLab's integer-only "
                    + "VGG on its own int8 kernels, the same integer model exported to ONNX on ONNX Runtime, and the "
                    + "BatchNorm-folded fp32 model on ONNX Runtime. Prints the CPU and its int8 instruction set, "
                    + "throughput and latency per image at batch 100 and batch 1, accuracy, ratios to libtorch fp32, "
                    + "and the image-by-image agreement of QuantLab's and ONNX Runtime's int8 logits."})
    static final class Int8 implements Runnable {
        @Mixin
        ModelOption model;
        @Mixin
        DataOption data;
        @Option(names = "--limit", defaultValue = "1000", description = "Images (default: ${DEFAULT-VALUE}; 0: all 10,000).")
        int limit;
        @Option(names = "--latency-images", defaultValue = "20", description = "Images timed one at a time (default: ${DEFAULT-VALUE}).")
        int latencyImages;
        @Option(names = "--fixed-point", description = "Integer model with the fixed-point multiplier (exported as exact int64 ops).")
        boolean fixedPoint;
        @Option(names = "--engines", split = ",", paramLabel = "E",
                defaultValue = "libtorch,libtorch-folded,ort-fp32,quantlab-int8,ort-int8,ort-int8-lesson",
                description = "Engines to run, comma-separated, the first is the reference for ratios "
                        + "(default: ${DEFAULT-VALUE}). ort-int8: QLinearConv (ONNX Runtime's packed int8 kernels, "
                        + "round(acc*M) + Z); ort-int8-lesson: ConvInteger + the lesson's round(acc*M + Z) in float ops, "
                        + "QuantLab's logits exactly.")
        java.util.List<String> engineNames;
        @Option(names = "--agreement", description = "Also compare QuantLab's int8 logits with ONNX Runtime's image by "
                + "image and find the cause of any difference, by running each requantization formula as ONNX ops on "
                + "the same images (needs quantlab-int8 among the engines for its logits, else runs it again).")
        boolean agreement;

        @Override
        public void run() {
            var fp32 = model.load();
            var test = data.test();
            var train = data.train();
            var experiment = new dev.quantlab.linear.pipeline.LinearExperiment(
                    dev.quantlab.linear.pipeline.ActivationCalibrator.Settings.lesson(),
                    dev.quantlab.core.CancellationToken.none());
            var config = dev.quantlab.linear.IntegerVggConfig.lesson().withRequantMode(fixedPoint
                    ? dev.quantlab.linear.RequantMode.FIXED_POINT : dev.quantlab.linear.RequantMode.FLOAT_MULTIPLIER);
            int threads = Runtime.getRuntime().availableProcessors();
            try (NDManager mgr = NDManager.newBaseManager(); VggNet net = VggNet.fromStateDict(mgr, fp32)) {
                var built = experiment.build(mgr, fp32, train, config, dev.quantlab.core.ProgressListener.NONE);
                try (var folded = new dev.quantlab.linear.pipeline.FoldedFloatNet(mgr, built.folded());
                     var ortInt8 = dev.quantlab.onnx.OrtModel.load(dev.quantlab.onnx.OnnxExport.int8(built.model()), threads);
                     var ortLesson = dev.quantlab.onnx.OrtModel.load(dev.quantlab.onnx.OnnxExport.int8(built.model(),
                             dev.quantlab.onnx.Int8OnnxExporter.Requant.LESSON_FLOAT), threads);
                     var ortFp32 = dev.quantlab.onnx.OrtModel.load(
                             dev.quantlab.onnx.Fp32OnnxExporter.folded(built.folded()), threads)) {
                    var engines = new java.util.ArrayList<EngineBenchmark.Engine>();
                    for (String e : engineNames) {
                        engines.add(switch (e.trim()) {
                            case "libtorch" -> EngineBenchmark.djl("fp32 libtorch (DJL)", mgr,
                                    dev.quantlab.eval.Evaluator.of(net));
                            case "libtorch-folded" -> EngineBenchmark.djl("fp32 BN-folded libtorch", mgr, folded);
                            case "ort-fp32" -> EngineBenchmark.ortFloat("fp32 BN-folded ONNX Runtime", ortFp32);
                            case "quantlab-int8" -> EngineBenchmark.quantLab("int8 QuantLab kernels", built.model());
                            case "ort-int8" -> EngineBenchmark.ortInt8("int8 ONNX Runtime", ortInt8);
                            case "ort-int8-lesson" -> EngineBenchmark.ortInt8("int8 ORT ConvInteger, lesson", ortLesson);
                            default -> throw new dev.quantlab.core.UserFacingException("unknown engine '" + e
                                    + "' (libtorch, libtorch-folded, ort-fp32, quantlab-int8, ort-int8, ort-int8-lesson)");
                        });
                    }
                    int[] idx = test.balancedIndices(limit);
                    var report = EngineBenchmark.run(engines, test, idx, latencyImages, new ConsoleProgress("bench"),
                            dev.quantlab.core.CancellationToken.none());
                    var printer = new BenchReportPrinter(System.out);
                    printer.print(report, dev.quantlab.onnx.OrtModel.version());
                    if (agreement) {
                        int k = engineNames.stream().map(String::trim).toList().indexOf("quantlab-int8");
                        printer.print(dev.quantlab.onnx.Int8AgreementCheck.measure(built.model(), test, idx,
                                k < 0 ? null : report.int8Logits().get(k), threads,
                                dev.quantlab.core.CancellationToken.none()));
                        var sat = dev.quantlab.onnx.Int16PairSaturation.count(built.model(),
                                java.util.Arrays.copyOfRange(test.pixels(), idx[0] * 3072, idx[0] * 3072 + 3072), 0);
                        System.out.printf(Locale.ROOT, "  int16 saturation: on a CPU without VNNI (AVX2 vpmaddubsw), "
                                        + "%d of %d u8*s8 pair sums of test image %d would saturate (%.3f%%); "
                                        + "this CPU: %s%n", sat.saturating(), sat.pairs(), idx[0],
                                sat.saturatingPercent(), report.cpu().int8InstructionSet());
                    }
                }
            }
        }
    }
}
