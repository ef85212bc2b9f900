package dev.quantlab.app.charts;

/**
 * Counts of values in equal-width bins over {@code [min, max]}.
 *
 * @param min    left edge of the first bin
 * @param max    right edge of the last bin
 * @param counts values per bin
 */
public record Histogram(double min, double max, long[] counts) {

    /** Bins {@code values} into {@code bins} equal bins over their range. */
    public static Histogram of(float[] values, int bins) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (values.length == 0) {
            return new Histogram(0, 1, new long[bins]);
        }
        double width = hi > lo ? (hi - (double) lo) / bins : 1;
        long[] counts = new long[bins];
        for (float v : values) {
            counts[Math.min(bins - 1, (int) ((v - lo) / width))]++;
        }
        return new Histogram(lo, lo + width * bins, counts);
    }

    public int bins() {
        return counts.length;
    }

    public double binWidth() {
        return (max - min) / counts.length;
    }

    public double center(int bin) {
        return min + (bin + 0.5) * binWidth();
    }
}
