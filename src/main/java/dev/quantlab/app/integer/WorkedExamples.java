package dev.quantlab.app.integer;

import dev.quantlab.app.services.DatasetService;
import dev.quantlab.app.services.IntegerModels;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.linear.ConvWorkedExample;
import dev.quantlab.linear.Int8Activations;
import dev.quantlab.linear.IntegerVgg;
import dev.quantlab.linear.KernelRunner;
import dev.quantlab.linear.QuantizedConv2d;
import dev.quantlab.model.VggArchitecture;
import java.util.ArrayList;
import java.util.List;

/**
 * Works out one conv output element of the integer model (worker thread): runs the image through the integer
 * model up to the conv, asks the library for every intermediate integer ({@link ConvWorkedExample}), and runs
 * the conv layer itself on the same input to check that the element is what the model computes.
 */
public final class WorkedExamples {
    /** Output channels and spatial size of one conv layer. */
    public record ConvShape(int outChannels, int size) { }

    private final IntegerModels models;
    private final DatasetService data;

    public WorkedExamples(IntegerModels models, DatasetService data) {
        this.models = models;
        this.data = data;
    }

    public WorkedExample compute(ExampleKey key) {
        IntegerVgg model = models.build(key.calibration(), key.config());
        CifarSplit test = data.testSplit(ProgressListener.NONE, CancellationToken.none());
        byte[] image = new byte[CifarSplit.IMAGE_BYTES];
        System.arraycopy(test.pixels(), key.image() * CifarSplit.IMAGE_BYTES, image, 0, CifarSplit.IMAGE_BYTES);
        Int8Activations in = model.convInput(image, 0, key.layer());
        QuantizedConv2d conv = model.convs().get(key.layer());
        ConvWorkedExample steps = ConvWorkedExample.of(conv, in, 0, key.oc(), key.y(), key.x());
        int actual = conv.forward(in, KernelRunner.sequential()).get(0, key.y(), key.x(), key.oc());
        return new WorkedExample(key, steps, actual, test.label(key.image()), conv.input(), conv.output(),
                conv.weights().scales()[key.oc()], key.calibration().folded().convs().get(key.layer()).bias()[key.oc()]);
    }

    /** Channels and output size of each conv of the lesson's VGG (3x3, padding 1: output size = input size). */
    public static List<ConvShape> convShapes() {
        List<ConvShape> out = new ArrayList<>();
        int size = VggArchitecture.IMAGE_SIZE;
        for (VggArchitecture.Stage s : VggArchitecture.cifarVgg().stages()) {
            if (s.isPool()) {
                size /= 2;
            } else {
                out.add(new ConvShape(s.channels(), size));
            }
        }
        return List.copyOf(out);
    }
}
