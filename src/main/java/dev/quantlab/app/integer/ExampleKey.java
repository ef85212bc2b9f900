package dev.quantlab.app.integer;

import dev.quantlab.app.services.Calibration;
import dev.quantlab.linear.IntegerVggConfig;

/**
 * Which output element to work out: conv {@code layer}, output channel {@code oc}, position {@code (y, x)}, of
 * test image {@code image}, in the integer model built from {@code calibration} with {@code config}.
 */
public record ExampleKey(Calibration calibration, IntegerVggConfig config, int layer, int oc, int y, int x,
                         int image) { }
