package dev.quantlab.onnx;

import dev.quantlab.core.AtomicFiles;
import dev.quantlab.linear.FoldedVgg;
import dev.quantlab.linear.IntegerVgg;
import dev.quantlab.model.StateDict;
import java.io.IOException;
import java.nio.file.Path;

/** Writes QuantLab's models as ONNX files (opset {@value #OPSET}, IR version 8). */
public final class OnnxExport {
    /** Default-domain opset: QLinearConv, per-axis DequantizeLinear, ReduceSum with axes as input. */
    public static final int OPSET = 13;

    /** Which model to write. */
    public enum Kind {
        FP32, FP32_BN_FOLDED, INT8
    }

    private OnnxExport() { }

    public static byte[] fp32(StateDict sd, boolean foldBatchNorm) {
        return foldBatchNorm ? Fp32OnnxExporter.folded(FoldedVgg.fromStateDict(sd)) : Fp32OnnxExporter.unfolded(sd);
    }

    public static byte[] int8(IntegerVgg model) {
        return Int8OnnxExporter.export(model);
    }

    /** The integer model with its layers requantized as {@code requant} says (see {@link Int8OnnxExporter.Requant}). */
    public static byte[] int8(IntegerVgg model, Int8OnnxExporter.Requant requant) {
        return Int8OnnxExporter.export(model, requant);
    }

    /** Writes {@code bytes} to {@code file} atomically (a failed write leaves no partial file). */
    public static void write(byte[] bytes, Path file) throws IOException {
        AtomicFiles.write(file, out -> out.write(bytes));
    }
}
