package dev.quantlab.cli;

import ai.djl.ndarray.NDManager;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.eval.EvalResult;
import dev.quantlab.eval.Evaluator;
import dev.quantlab.linear.IntegerVggConfig;
import dev.quantlab.linear.RequantMode;
import dev.quantlab.linear.WeightGranularity;
import dev.quantlab.linear.pipeline.ActivationCalibrator;
import dev.quantlab.linear.pipeline.CalibrationComparison;
import dev.quantlab.linear.pipeline.LinearExperiment;
import dev.quantlab.model.BatchMemory;
import dev.quantlab.model.ModelSize;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggArchitecture;
import dev.quantlab.model.VggNet;
import dev.quantlab.results.Method;
import dev.quantlab.results.RunRecords;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Steps 5-6 of the lesson: linear quantization and integer-only inference. */
@Command(name = "linear", mixinStandardHelpOptions = true,
        description = {"Linear quantization r = S(q - Z): fold BatchNorm, calibrate activation ranges, quantize weights "
                + "(symmetric, per output channel) and activations, and run the integer-only VGG (int8 in, int32 "
                + "accumulation, int8 out) on the test set.",
            "Prints the fp32, BN-folded and integer accuracies on the same images, and the sizes."})
public final class LinearCommand implements Runnable {
    @Mixin
    ModelOption model;
    @Mixin
    DataOption data;

    @Mixin
    RecordOption record;

    @Option(names = "--bits", defaultValue = "8", description = "Bits for weights and activations, 2..8 (default: ${DEFAULT-VALUE}).")
    int bits;
    @Option(names = "--weight-bits", paramLabel = "N", description = "Bits for weights only (activations keep --bits).")
    Integer weightBits;
    @Option(names = "--per-tensor", description = "One weight scale per tensor instead of per output channel.")
    boolean perTensor;
    @Option(names = "--fixed-point", description = "Requantize with an int32 multiplier and a shift (no float at all).")
    boolean fixedPoint;
    @Option(names = "--calibration-batches", defaultValue = "1", description = "Training batches for activation ranges (default: ${DEFAULT-VALUE}).")
    int calibrationBatches;
    @Option(names = "--calibration-batch-size", defaultValue = "512", description = "Images per calibration batch (default: ${DEFAULT-VALUE}).")
    int calibrationBatchSize;
    @Option(names = "--percentile", defaultValue = "100", description = "Clip activation ranges at this percentile (default: ${DEFAULT-VALUE} = min/max).")
    double percentile;
    @Option(names = "--clip", defaultValue = "minmax", description = "Activation ranges: minmax (or --percentile), "
            + "moving-average (PyTorch's moving-average min/max over the calibration batches, constant 0.01), "
            + "mse (smallest quantization error of the calibration histogram) or entropy (TensorRT's KL) "
            + "(default: ${DEFAULT-VALUE}).")
    String clip;
    @Option(names = "--calibration-table", description = "Instead of one model: the integer model's accuracy for "
            + "every calibration method (min/max of the first batch, moving-average, percentile (--percentile, "
            + "else 99.99), MSE, entropy) at each of --widths, from one calibration pass; prints a table.")
    boolean calibrationTable;
    @Option(names = "--widths", split = ",", defaultValue = "W8A8,W4A8,W4A4", paramLabel = "WxAy[,...]",
            description = "Weight/activation bits for --calibration-table (default: ${DEFAULT-VALUE}).")
    List<String> widths;
    @Option(names = "--limit", defaultValue = "0", paramLabel = "N", description = "Evaluate on a class-balanced subset of N test images (0: all).")
    int limit;
    @Option(names = "--skip-fp32", description = "Do not measure the fp32 and BN-folded models.")
    boolean skipFp32;

    @Override
    public void run() {
        record.check();
        BatchMemory.check("--calibration-batch-size", calibrationBatchSize, false);
        IntegerVggConfig config = IntegerVggConfig.lesson().withActivationBits(bits)
                .withWeightBits(weightBits == null ? bits : weightBits)
                .withGranularity(perTensor ? WeightGranularity.PER_TENSOR : WeightGranularity.PER_CHANNEL)
                .withRequantMode(fixedPoint ? RequantMode.FIXED_POINT : RequantMode.FLOAT_MULTIPLIER);
        ActivationCalibrator.Clip clipMethod = switch (clip.toLowerCase(Locale.ROOT)) {
            case "minmax" -> ActivationCalibrator.Clip.MINMAX;
            case "mse" -> ActivationCalibrator.Clip.MSE;
            case "entropy", "kl" -> ActivationCalibrator.Clip.ENTROPY;
            case "moving-average", "movingaverage" -> ActivationCalibrator.Clip.MOVING_AVERAGE;
            default -> throw new IllegalArgumentException("unknown --clip '" + clip
                    + "': use minmax, moving-average, mse or entropy");
        };
        if (calibrationTable) {
            List<CalibrationComparison.Widths> parsed = widths.stream().map(CalibrationComparison.Widths::parse).toList();
            var tableSettings = new CalibrationComparison.Settings(calibrationBatches, calibrationBatchSize,
                    percentile < 100 ? percentile : CalibrationTableRun.DEFAULT_PERCENTILE, 0, config);
            CalibrationTableRun.run(System.out, model.load(), data.train(), data.test(), config, parsed, tableSettings,
                    limit);
            return;
        }
        var settings = new ActivationCalibrator.Settings(calibrationBatches, calibrationBatchSize, percentile, 0,
                clipMethod, bits);
        StateDict fp32 = model.load();
        CifarSplit test = data.test();
        CifarSplit train = data.train();
        LinearExperiment experiment = new LinearExperiment(settings, CancellationToken.none());
        try (NDManager mgr = NDManager.newBaseManager()) {
            LinearExperiment.Built built = experiment.build(mgr, fp32, train, config, (d, t, m) -> { });
            if (!skipFp32) {
                try (VggNet net = VggNet.fromStateDict(mgr, fp32)) {
                    EvalResult r = new Evaluator().evaluate(mgr, Evaluator.of(net), test, limit, new ConsoleProgress("fp32"),
                            CancellationToken.none());
                    System.out.printf(Locale.ROOT, "fp32 model has accuracy=%.2f%%%n", r.accuracyPercent());
                    record.add(RunRecords.fp32(r.accuracyPercent(), r.images()));
                }
                EvalResult folded = experiment.evaluateFolded(mgr, built.folded(), test, limit, new ConsoleProgress("folded"));
                System.out.printf(Locale.ROOT, "BN-folded fp32 model has accuracy=%.2f%%%n", folded.accuracyPercent());
            }
            EvalResult r = experiment.evaluate(built.model(), test, limit, new ConsoleProgress("integer"));
            String name = config.weightBits() == config.activationBits() ? "int" + bits
                    : "w" + config.weightBits() + "a" + config.activationBits();
            System.out.printf(Locale.ROOT, "%s model has accuracy=%.2f%%%n", name, r.accuracyPercent());
            long params = VggArchitecture.cifarVgg().parameterCount();
            System.out.println(name + " model has size=" + ModelSize.formatMib(ModelSize.mib(params, config.weightBits()))
                    + " (lesson's rule: parameters x " + config.weightBits() + " bits; fp32: "
                    + ModelSize.formatMib(ModelSize.mib(params, 32)) + ")");
            System.out.printf(Locale.ROOT, "integer weights and int32 biases as stored: %.2f MiB%n",
                    built.model().sizeBytes() / (double) ModelSize.MIB);
            System.out.printf(Locale.ROOT, "%s model ran %d test images in %.1f min (%.1f img/s; %s weights, %s "
                    + "requantization, activation ranges from %d training images)%n", name, r.images(), r.seconds() / 60,
                    r.imagesPerSecond(), perTensor ? "per-tensor" : "per-channel",
                    fixedPoint ? "fixed-point" : "float-multiplier", calibrationBatches * calibrationBatchSize);
            record.add(RunRecords.withActivationRanges(RunRecords.integer(Method.INTEGER, config,
                    calibrationBatches * calibrationBatchSize, ModelSize.mib(params, config.weightBits()),
                    built.model().sizeBytes() / (double) ModelSize.MIB, r.accuracyPercent(), r.images(),
                    r.imagesPerSecond()), settings.rangesName()));
        }
        record.finish();
    }
}
