package dev.quantlab.app.integer;

import dev.quantlab.linear.ConvWorkedExample;
import dev.quantlab.linear.QuantParams;

/**
 * A {@link ConvWorkedExample} with what the tab shows around it.
 *
 * @param key          the element
 * @param steps        every integer of that element, from the library
 * @param layerOutput  the same element as the integer model's conv layer computes it (fast kernel)
 * @param label        the image's true class
 * @param input        the layer's input S and Z
 * @param output       the layer's output S and Z
 * @param weightScale  S_w of the output channel
 * @param floatBias    the BN-folded fp32 bias of the output channel
 */
public record WorkedExample(ExampleKey key, ConvWorkedExample steps, int layerOutput, int label, QuantParams input,
                            QuantParams output, float weightScale, float floatBias) {
    /** Whether the step-by-step result equals the layer's output. */
    public boolean matches() {
        return steps.output() == layerOutput;
    }
}
