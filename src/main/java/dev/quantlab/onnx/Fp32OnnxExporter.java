package dev.quantlab.onnx;

import dev.quantlab.linear.FoldedConv;
import dev.quantlab.linear.FoldedVgg;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.TensorData;
import dev.quantlab.model.VggArchitecture;
import java.util.List;

/**
 * The fp32 VGG as a standard ONNX graph: input {@code images} float {@code [N,3,32,32]} in [0,1], output
 * {@code logits} float {@code [N,10]}. Either as trained ({@code Conv -> BatchNormalization -> Relu}) or with
 * every BatchNorm folded into its conv ({@code Conv(W', b') -> Relu}, the weights of {@link FoldedVgg}).
 */
public final class Fp32OnnxExporter {
    public static final String INPUT = "images";
    public static final String OUTPUT = "logits";

    private Fp32OnnxExporter() { }

    /** The model with BatchNorm folded into the convs. */
    public static byte[] folded(FoldedVgg folded) {
        OnnxGraph g = new OnnxGraph("quantlab_vgg_fp32_bn_folded");
        g.input(INPUT, OnnxGraph.FLOAT, "N", 3L, 32L, 32L);
        String x = INPUT;
        int conv = 0;
        for (VggArchitecture.Stage s : folded.stages()) {
            if (s.isPool()) {
                x = maxPool(g, x);
                continue;
            }
            FoldedConv c = folded.convs().get(conv);
            String p = "conv" + conv;
            String w = g.floats(p + ".weight", c.weight(), c.outChannels(), c.inChannels(), c.kernelSize(),
                    c.kernelSize());
            String b = g.floats(p + ".bias", c.bias(), c.outChannels());
            x = g.node("Conv", p, List.of(x, w, b), conv3x3());
            x = g.node("Relu", p + ".relu", List.of(x));
            conv++;
        }
        x = head(g, x, folded.classifierWeight(), folded.classifierBias(), folded.numClasses(), folded.features());
        g.output(x, OnnxGraph.FLOAT, "N", (long) folded.numClasses());
        return g.toModel("QuantLab", "0.1.0", OnnxExport.OPSET, "QuantLab VGG on CIFAR-10, fp32, BatchNorm folded");
    }

    /** The model as trained: conv without bias, BatchNorm (inference, eps 1e-5), ReLU. */
    public static byte[] unfolded(StateDict sd) {
        VggArchitecture arch = VggArchitecture.cifarVgg();
        OnnxGraph g = new OnnxGraph("quantlab_vgg_fp32");
        g.input(INPUT, OnnxGraph.FLOAT, "N", 3L, 32L, 32L);
        String x = INPUT;
        int conv = 0;
        int in = 3;
        for (VggArchitecture.Stage s : arch.stages()) {
            if (s.isPool()) {
                x = maxPool(g, x);
                continue;
            }
            int out = s.channels();
            String p = "conv" + conv;
            String w = g.floats(VggArchitecture.convWeight(conv), values(sd, VggArchitecture.convWeight(conv),
                    (long) out * in * 9), out, in, 3, 3);
            x = g.node("Conv", p, List.of(x, w), conv3x3());
            String bn = VggArchitecture.bnPrefix(conv);
            List<String> params = List.of(x, g.floats(bn + "weight", values(sd, bn + "weight", out), out),
                    g.floats(bn + "bias", values(sd, bn + "bias", out), out),
                    g.floats(bn + "running_mean", values(sd, bn + "running_mean", out), out),
                    g.floats(bn + "running_var", values(sd, bn + "running_var", out), out));
            x = g.node("BatchNormalization", "bn" + conv, params,
                    OnnxGraph.Attribute.of("epsilon", (float) VggArchitecture.BN_EPS));
            x = g.node("Relu", p + ".relu", List.of(x));
            in = out;
            conv++;
        }
        int classes = VggArchitecture.NUM_CLASSES;
        x = head(g, x, values(sd, "classifier.weight", (long) classes * in), values(sd, "classifier.bias", classes),
                classes, in);
        g.output(x, OnnxGraph.FLOAT, "N", (long) classes);
        return g.toModel("QuantLab", "0.1.0", OnnxExport.OPSET, "QuantLab VGG on CIFAR-10, fp32");
    }

    private static String head(OnnxGraph g, String x, float[] weight, float[] bias, int classes, int features) {
        x = g.node("AveragePool", "avgpool", List.of(x), OnnxGraph.Attribute.ints("kernel_shape", 2, 2),
                OnnxGraph.Attribute.ints("strides", 2, 2));
        x = g.node("Flatten", "flatten", List.of(x), OnnxGraph.Attribute.of("axis", 1L));
        String w = g.floats("classifier.weight", weight, classes, features);
        String b = g.floats("classifier.bias", bias, classes);
        return g.node("Gemm", OUTPUT, List.of(x, w, b), OnnxGraph.Attribute.of("transB", 1L));
    }

    static String maxPool(OnnxGraph g, String x) {
        return g.node("MaxPool", x + ".maxpool", List.of(x), OnnxGraph.Attribute.ints("kernel_shape", 2, 2),
                OnnxGraph.Attribute.ints("strides", 2, 2));
    }

    static OnnxGraph.Attribute[] conv3x3() {
        return new OnnxGraph.Attribute[] {OnnxGraph.Attribute.ints("kernel_shape", 3, 3),
            OnnxGraph.Attribute.ints("pads", 1, 1, 1, 1), OnnxGraph.Attribute.ints("strides", 1, 1)};
    }

    private static float[] values(StateDict sd, String name, long expected) {
        TensorData t = sd.get(name);
        if (t.values().length != expected) {
            throw new IllegalArgumentException(name + " has " + t.values().length + " values, expected " + expected);
        }
        return t.values();
    }
}
