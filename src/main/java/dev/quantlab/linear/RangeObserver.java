package dev.quantlab.linear;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Accumulates the min/max of named activation points over calibration batches (values arrive as float
 * arrays from someone's forward pass), and optionally a histogram per point for percentile clipping. Whoever
 * feeds it may mark the end of each calibration batch ({@link #endBatch()}): then each point also keeps its
 * per-batch min/max, for the first batch's range and the moving average over batches.
 * Thread-safe: every call locks the observer.
 */
public final class RangeObserver {
    /** Default bins per sign of the optional histogram. */
    public static final int DEFAULT_BINS = 2048;

    private final int histogramBins;
    private final Map<String, PointStats> points = new LinkedHashMap<>();

    private RangeObserver(int histogramBins) {
        this.histogramBins = histogramBins;
    }

    /** An observer of min/max only. */
    public static RangeObserver minMax() {
        return new RangeObserver(0);
    }

    /** An observer that also keeps a histogram per point ({@code binsPerSign} bins for each sign). */
    public static RangeObserver withHistogram(int binsPerSign) {
        return new RangeObserver(binsPerSign);
    }

    /** Records every value of {@code values}. */
    public void observe(String point, float[] values) {
        observe(point, values, 0, values.length);
    }

    /** Records {@code values[from..to)}; NaN values are rejected. */
    public synchronized void observe(String point, float[] values, int from, int to) {
        if (from < 0 || to > values.length || from > to) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to + ") of " + values.length);
        }
        if (from == to) {
            return;
        }
        PointStats s = points.computeIfAbsent(point, p -> new PointStats(histogramBins));
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            float v = values[i];
            if (Float.isNaN(v)) {
                throw new IllegalArgumentException("NaN observed at " + point);
            }
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        s.min = Math.min(s.min, lo);
        s.max = Math.max(s.max, hi);
        s.batchMin = Math.min(s.batchMin, lo);
        s.batchMax = Math.max(s.batchMax, hi);
        if (s.histogram != null) {
            s.histogram.add(values, from, to);
        }
    }

    /** Ends the current calibration batch: every point seen in it keeps that batch's min/max. */
    public synchronized void endBatch() {
        for (PointStats s : points.values()) {
            if (s.batchMin <= s.batchMax) {
                s.batches.add(new MinMax(s.batchMin, s.batchMax));
                s.batchMin = Float.POSITIVE_INFINITY;
                s.batchMax = Float.NEGATIVE_INFINITY;
            }
        }
    }

    /** How many batches were ended with {@link #endBatch()} (the most any point saw). */
    public synchronized int batchCount() {
        return points.values().stream().mapToInt(s -> s.batches.size()).max().orElse(0);
    }

    /** The min/max of the first ended batch only, per point (the lesson calibrates on one batch). */
    public synchronized ActivationRanges firstBatchRanges() {
        Map<String, MinMax> r = new LinkedHashMap<>();
        points.forEach((k, v) -> r.put(k, ended(k, v).get(0)));
        return new ActivationRanges(r);
    }

    /** {@link MovingAverageMinMax} over the ended batches of each point, with averaging {@code constant}. */
    public synchronized ActivationRanges movingAverageRanges(double constant) {
        Map<String, MinMax> r = new LinkedHashMap<>();
        points.forEach((k, v) -> r.put(k, MovingAverageMinMax.of(ended(k, v), constant)));
        return new ActivationRanges(r);
    }

    private static java.util.List<MinMax> ended(String point, PointStats s) {
        if (s.batches.isEmpty()) {
            throw new IllegalStateException("no calibration batch ended for " + point + " (call endBatch)");
        }
        return s.batches;
    }

    /**
     * The observed values of one point as a histogram, for drawing: bins of equal {@code width} from {@code low}
     * ({@code counts[i]} holds {@code [low + i*width, low + (i+1)*width)}), the same bins that percentile, MSE and
     * entropy clipping search.
     */
    public record Histogram(double low, double width, long[] counts) {
        public Histogram {
            counts = counts.clone();
        }

        @Override
        public long[] counts() {
            return counts.clone();
        }
    }

    /** The histogram of {@code point}, if this observer keeps histograms and has seen the point. */
    public synchronized java.util.Optional<Histogram> histogram(String point) {
        PointStats s = points.get(point);
        if (s == null || s.histogram == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Histogram(s.histogram.signedLow(), s.histogram.width(),
                s.histogram.signedCounts()));
    }

    /** Point names seen so far, in first-seen order. */
    public synchronized java.util.Set<String> pointNames() {
        return java.util.Set.copyOf(points.keySet());
    }

    /** The exact min/max of every point. */
    public synchronized ActivationRanges ranges() {
        Map<String, MinMax> r = new LinkedHashMap<>();
        points.forEach((k, v) -> r.put(k, new MinMax(v.min, v.max)));
        return new ActivationRanges(r);
    }

    /**
     * Ranges clipped to the {@code 100 - percentile} and {@code percentile} quantiles of each point (e.g.
     * 99.99), never wider than the observed min/max. Needs an observer made with {@link #withHistogram}.
     */
    public synchronized ActivationRanges percentileRanges(double percentile) {
        if (!(percentile > 50 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (50, 100], got " + percentile);
        }
        if (histogramBins == 0) {
            throw new IllegalStateException("this observer keeps no histogram; use RangeObserver.withHistogram");
        }
        Map<String, MinMax> r = new LinkedHashMap<>();
        double q = percentile / 100;
        points.forEach((k, v) -> {
            double lo = Math.max(v.min, Math.min(v.max, v.histogram.quantile(1 - q)));
            double hi = Math.min(v.max, Math.max(lo, v.histogram.quantile(q)));
            r.put(k, new MinMax(lo, hi));
        });
        return new ActivationRanges(r);
    }

    /** MSE-optimal ranges at {@code bits} ({@link ClipSearch#mse}, 256 candidates). Needs a histogram. */
    public synchronized ActivationRanges mseRanges(int bits) {
        return clipped(bits, true);
    }

    /**
     * TensorRT entropy (KL) ranges at {@code bits} ({@link ClipSearch#entropy(long[], long, double, MinMax, int)},
     * exact zeros left out). Needs a histogram.
     */
    public synchronized ActivationRanges entropyRanges(int bits) {
        return clipped(bits, false);
    }

    private ActivationRanges clipped(int bits, boolean mse) {
        if (histogramBins == 0) {
            throw new IllegalStateException("this observer keeps no histogram; use RangeObserver.withHistogram");
        }
        Map<String, MinMax> r = new LinkedHashMap<>();
        points.forEach((k, v) -> {
            MinMax observed = new MinMax(v.min, v.max);
            ValueHistogram h = v.histogram;
            r.put(k, mse ? ClipSearch.mse(h.signedLow(), h.width(), h.signedCounts(), observed, bits, 256)
                    : ClipSearch.entropy(h.absCounts(), h.zeros(), h.width(), observed, bits));
        });
        return new ActivationRanges(r);
    }

    private static final class PointStats {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        float batchMin = Float.POSITIVE_INFINITY;
        float batchMax = Float.NEGATIVE_INFINITY;
        final java.util.List<MinMax> batches = new java.util.ArrayList<>();
        final ValueHistogram histogram;

        PointStats(int bins) {
            histogram = bins > 0 ? new ValueHistogram(bins) : null;
        }
    }
}
