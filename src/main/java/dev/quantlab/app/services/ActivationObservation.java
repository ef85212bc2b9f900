package dev.quantlab.app.services;

import dev.quantlab.linear.ActivationRanges;
import dev.quantlab.linear.RangeObserver;
import dev.quantlab.linear.pipeline.ActivationCalibrator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one calibration pass observed at every activation point (min/max and a histogram), from which the range of
 * every {@link RangeMethod} is taken by the pipeline ({@link ActivationCalibrator#ranges}); remembered per method
 * and bit width. Thread-safe.
 */
public final class ActivationObservation {
    private record Key(RangeMethod method, int bits) { }

    private final RangeObserver observer;
    private final int images;
    private final Map<Key, ActivationRanges> ranges = new ConcurrentHashMap<>();

    public ActivationObservation(RangeObserver observer, int images) {
        this.observer = observer;
        this.images = images;
    }

    /** The ranges {@code method} takes for {@code bits}-bit activations. */
    public ActivationRanges ranges(RangeMethod method, int bits) {
        int b = method.dependsOnBits() ? bits : 8;
        return ranges.computeIfAbsent(new Key(method, b),
                k -> ActivationCalibrator.ranges(observer, method.settings(images, b)));
    }

    /** The observed values of {@code point} as a histogram. */
    public Optional<RangeObserver.Histogram> histogram(String point) {
        return observer.histogram(point);
    }

    public int images() {
        return images;
    }
}
