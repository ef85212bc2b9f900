package dev.quantlab.app.linear;

import dev.quantlab.linear.ActivationRanges;
import dev.quantlab.linear.IntegerVgg;
import dev.quantlab.linear.MinMax;
import dev.quantlab.linear.QuantParams;
import java.util.ArrayList;
import java.util.List;

/**
 * A layer's activation quantization as the integer model uses it: the calibrated real ranges of its input and
 * output and the {@code S, Z} the built {@link IntegerVgg} took from them.
 *
 * @param layer      short name ({@code conv0} .. {@code conv7}, {@code classifier})
 * @param inputRange observed input range (null where calibration does not record it)
 * @param input      the layer's input parameters
 * @param outputRange observed output range (after the ReLU for convs)
 * @param output     the layer's output parameters
 */
public record ActivationParams(String layer, MinMax inputRange, QuantParams input, MinMax outputRange,
                               QuantParams output) {

    /** The nine layers' parameters, read from the built model (so they are exactly what it computes with). */
    public static List<ActivationParams> of(IntegerVgg model, ActivationRanges ranges) {
        List<ActivationParams> out = new ArrayList<>();
        for (int i = 0; i < model.convs().size(); i++) {
            String name = ActivationRanges.convLayer(i);
            out.add(new ActivationParams("conv" + i, range(ranges, ActivationRanges.inputPoint(name)),
                    model.convs().get(i).input(), range(ranges, ActivationRanges.outputPoint(name)),
                    model.convs().get(i).output()));
        }
        String fc = ActivationRanges.CLASSIFIER;
        out.add(new ActivationParams("classifier", range(ranges, ActivationRanges.inputPoint(fc)),
                model.classifier().input(), range(ranges, ActivationRanges.outputPoint(fc)),
                model.classifier().output()));
        return List.copyOf(out);
    }

    private static MinMax range(ActivationRanges ranges, String point) {
        return ranges.contains(point) ? ranges.get(point) : null;
    }
}
