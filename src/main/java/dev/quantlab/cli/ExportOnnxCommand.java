package dev.quantlab.cli;

import ai.djl.ndarray.NDManager;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.core.UserFacingException;
import dev.quantlab.linear.IntegerVggConfig;
import dev.quantlab.linear.RequantMode;
import dev.quantlab.linear.WeightGranularity;
import dev.quantlab.linear.pipeline.ActivationCalibrator;
import dev.quantlab.linear.pipeline.LinearExperiment;
import dev.quantlab.model.StateDict;
import dev.quantlab.onnx.Int8OnnxExporter;
import dev.quantlab.onnx.OnnxExport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code export-onnx}: the fp32 or the calibrated integer-only VGG as an ONNX file. */
@Command(name = "export-onnx", mixinStandardHelpOptions = true,
        description = {"Writes the model as a standard ONNX file (opset 13) for ONNX Runtime, Netron or any ONNX tool.",
            "Default: fp32 with BatchNorm folded into the convs. --int8: the lesson's integer-only model (calibrated on "
                + "512 training images as in 'linear'), as QLinearConv / ConvInteger with QuantLab's exact int8 weights, "
                + "int32 biases, scales, zero points and rounding; its input is the raw uint8 pixels."})
public final class ExportOnnxCommand implements Runnable {
    @Mixin
    ModelOption model;
    @Mixin
    DataOption data;

    @Parameters(paramLabel = "OUT.onnx", description = "File to write (replaced if it exists).")
    Path out;
    @Option(names = "--int8", description = "Export the calibrated integer-only model (needs the CIFAR-10 training set).")
    boolean int8;
    @Option(names = "--per-tensor", description = "With --int8: one weight scale per tensor instead of per output channel.")
    boolean perTensor;
    @Option(names = "--fixed-point", description = "With --int8: requantize with QuantLab's int32 multiplier and rounding "
            + "shift (exact int64 ops) instead of the float32 multiplier of QLinearConv.")
    boolean fixedPoint;
    @Option(names = "--lesson-rounding", description = "With --int8 (float multiplier): ConvInteger + the lesson's "
            + "round(acc*M + Z) spelled out in float32 ops instead of QLinearConv (which rounds acc*M, then adds Z): "
            + "QuantLab's int8 logits bit for bit, on ONNX Runtime's int8 GEMM but slower than QLinearConv.")
    boolean lessonRounding;
    @Option(names = "--no-fold", description = "fp32 only: keep BatchNormalization nodes instead of folding them.")
    boolean noFold;

    @Override
    public void run() {
        if (!int8 && (perTensor || fixedPoint || lessonRounding)) {
            throw new UserFacingException("--per-tensor, --fixed-point and --lesson-rounding apply to --int8 only");
        }
        if (fixedPoint && lessonRounding) {
            throw new UserFacingException("--lesson-rounding applies to the float multiplier, not --fixed-point");
        }
        if (int8 && noFold) {
            throw new UserFacingException("--no-fold applies to the fp32 export only (the integer model is always folded)");
        }
        StateDict fp32 = model.load();
        byte[] bytes;
        String what;
        if (int8) {
            IntegerVggConfig config = IntegerVggConfig.lesson()
                    .withGranularity(perTensor ? WeightGranularity.PER_TENSOR : WeightGranularity.PER_CHANNEL)
                    .withRequantMode(fixedPoint ? RequantMode.FIXED_POINT : RequantMode.FLOAT_MULTIPLIER);
            var experiment = new LinearExperiment(ActivationCalibrator.Settings.lesson(), CancellationToken.none());
            try (NDManager mgr = NDManager.newBaseManager()) {
                var built = experiment.build(mgr, fp32, data.train(), config, ProgressListener.NONE);
                bytes = OnnxExport.int8(built.model(), lessonRounding ? Int8OnnxExporter.Requant.LESSON_FLOAT
                        : Int8OnnxExporter.Requant.QLINEAR_CONV);
            }
            what = "integer-only model (" + (perTensor ? "per-tensor" : "per-channel") + " weights, "
                    + (fixedPoint ? "fixed-point" : "float32") + " multiplier"
                    + (lessonRounding ? ", the lesson's round(acc*M + Z)" : "") + ")";
        } else {
            bytes = OnnxExport.fp32(fp32, !noFold);
            what = noFold ? "fp32 model" : "fp32 model, BatchNorm folded";
        }
        try {
            OnnxExport.write(bytes, out);
        } catch (IOException e) {
            throw new UserFacingException("cannot write " + out + ": " + e.getMessage(), e);
        }
        System.out.printf(Locale.ROOT, "wrote %s: %s, %.2f MiB%n", out, what, bytes.length / 1048576.0);
    }
}
