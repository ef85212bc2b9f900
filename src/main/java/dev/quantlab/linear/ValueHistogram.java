package dev.quantlab.linear;

import java.util.Arrays;

/**
 * A streaming histogram of real values with a fixed number of bins per sign over {@code (-top, top)}; when a
 * value falls outside, {@code top} doubles and neighbouring bins merge, so no second pass is needed.
 * Quantiles interpolate linearly inside a bin.
 */
final class ValueHistogram {
    private final long[] positive;
    private final long[] negative;
    private double top;
    private long count;
    private long zeros;

    ValueHistogram(int binsPerSign) {
        if (binsPerSign < 2 || binsPerSign % 2 != 0) {
            throw new IllegalArgumentException("bins per sign must be even and >= 2, got " + binsPerSign);
        }
        positive = new long[binsPerSign];
        negative = new long[binsPerSign];
    }

    void add(float[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            float v = values[i];
            double mag = Math.abs(v);
            if (mag >= top && mag > 0) {
                grow(mag);
            }
            if (mag == 0) {
                positive[0]++;
                zeros++;
            } else {
                int bin = Math.min(positive.length - 1, (int) (mag / top * positive.length));
                (v > 0 ? positive : negative)[bin]++;
            }
        }
        count += to - from;
    }

    private void grow(double mag) {
        if (top == 0) {
            top = Math.scalb(1.0, Math.getExponent(mag) + 1);
            return;
        }
        while (mag >= top) {
            merge(positive);
            merge(negative);
            top *= 2;
        }
    }

    private static void merge(long[] bins) {
        int half = bins.length / 2;
        for (int i = 0; i < half; i++) {
            bins[i] = bins[2 * i] + bins[2 * i + 1];
        }
        Arrays.fill(bins, half, bins.length, 0);
    }

    /** Width of one bin. */
    double width() {
        return top / positive.length;
    }

    /** Counts of {@code |x|} per bin: bin {@code i} holds {@code [i*width, (i+1)*width)}. */
    long[] absCounts() {
        long[] out = new long[positive.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = positive[i] + negative[i];
        }
        return out;
    }

    /** Signed counts from {@code -top} to {@code top}: the negative bins reversed, then the positive ones. */
    long[] signedCounts() {
        long[] out = new long[2 * positive.length];
        for (int i = 0; i < negative.length; i++) {
            out[negative.length - 1 - i] = negative[i];
            out[negative.length + i] = positive[i];
        }
        return out;
    }

    /** The lower edge of {@link #signedCounts()}'s first bin. */
    double signedLow() {
        return -top;
    }

    long count() {
        return count;
    }

    /** How many of the values were exactly zero (they are counted in the first positive bin too). */
    long zeros() {
        return zeros;
    }

    /** The value below which a fraction {@code q} of the samples lie (approximate to one bin). */
    double quantile(double q) {
        if (count == 0) {
            throw new IllegalStateException("empty histogram");
        }
        double target = Math.max(0, Math.min(1, q)) * count;
        double width = top / positive.length;
        double cumulative = 0;
        for (int i = negative.length - 1; i >= 0; i--) {
            if (negative[i] > 0 && cumulative + negative[i] >= target) {
                return -(i + 1) * width + (target - cumulative) / negative[i] * width;
            }
            cumulative += negative[i];
        }
        for (int i = 0; i < positive.length; i++) {
            if (positive[i] > 0 && cumulative + positive[i] >= target) {
                return i * width + (target - cumulative) / positive[i] * width;
            }
            cumulative += positive[i];
        }
        return top;
    }
}
