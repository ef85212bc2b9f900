package dev.quantlab.linear;

/**
 * Chooses an activation range from a histogram of observed values, beyond plain min/max:
 * <ul>
 *   <li>{@link #mse}: the range {@code [a*min, a*max]} ({@code a} in {@code (0, 1]}, {@code steps} candidates)
 *       whose {@code bits}-bit uniform quantization (clamping outside) has the smallest squared error over the
 *       histogram, each bin taken at its centre;</li>
 *   <li>{@link #entropy}: TensorRT's entropy calibration: over the histogram of {@code |x|}, the threshold
 *       {@code T} whose clipped distribution P (outliers added to the last bin) and its quantization Q to the
 *       available levels (merged, then spread back over P's non-empty bins) have the smallest KL divergence;
 *       the range is {@code [max(min, -T), min(max, T)]}. Values that are exactly zero are left out of the
 *       histogram first ({@link #entropy(long[], long, double, MinMax, int)}): zero is a quantization level at every
 *       threshold, so they cost nothing, but after a ReLU they are half or more of all values, and that one spike in
 *       the first bin, merged with its neighbours into Q's first level, outweighs every other term: the divergence
 *       then always picked the smallest candidate ({@code levels} bins, about a tenth of the range). NVIDIA's
 *       pytorch-quantization avoids the same spike by replacing the first bin with the second.</li>
 * </ul>
 * The histogram has bins of equal width {@code width} starting at {@code lo}.
 */
public final class ClipSearch {
    private ClipSearch() { }

    /** Squared quantization error of the histogram for range {@code [lo, hi]} at {@code bits}. */
    public static double error(double binLo, double width, long[] counts, double lo, double hi, int bits) {
        double levels = (1 << bits) - 1;
        double scale = (hi - lo) / levels;
        double err = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                continue;
            }
            double x = binLo + (i + 0.5) * width;
            double q;
            if (scale <= 0) {
                q = lo;
            } else {
                double k = Math.rint((x - lo) / scale);
                q = lo + Math.max(0, Math.min(levels, k)) * scale;
            }
            err += counts[i] * (x - q) * (x - q);
        }
        return err;
    }

    /** The MSE-optimal range among {@code [a*min, a*max]}, {@code a = j/steps}. */
    public static MinMax mse(double binLo, double width, long[] counts, MinMax observed, int bits, int steps) {
        MinMax best = observed;
        double bestErr = Double.POSITIVE_INFINITY;
        for (int j = steps; j >= 1; j--) {
            double a = (double) j / steps;
            double lo = observed.min() * a;
            double hi = observed.max() * a;
            double e = error(binLo, width, counts, lo, hi, bits);
            if (e < bestErr) {
                bestErr = e;
                best = new MinMax(lo, hi);
            }
        }
        return best;
    }

    /**
     * TensorRT's KL threshold over a histogram of {@code |x|} ({@code absCounts[i]} holds {@code [i*w, (i+1)*w)}),
     * with {@code levels} quantization levels on {@code [0, T]}; returns {@code T}.
     */
    public static double entropyThreshold(long[] absCounts, double width, int levels) {
        int n = absCounts.length;
        if (n <= levels) {
            return n * width;
        }
        double bestKl = Double.POSITIVE_INFINITY;
        int bestI = n;
        for (int i = levels; i <= n; i++) {
            double kl = klForThreshold(absCounts, i, levels);
            if (kl < bestKl) {
                bestKl = kl;
                bestI = i;
            }
        }
        return bestI * width;
    }

    /** KL(P || Q) for threshold bin {@code i} (P: the first i bins with the rest added to bin i-1). */
    static double klForThreshold(long[] counts, int i, int levels) {
        double[] p = new double[i];
        for (int j = 0; j < i; j++) {
            p[j] = counts[j];
        }
        for (int j = i; j < counts.length; j++) {
            p[i - 1] += counts[j];
        }
        double[] q = new double[i];
        for (int level = 0; level < levels; level++) {
            int start = (int) ((long) level * i / levels);
            int end = (int) ((long) (level + 1) * i / levels);
            double sum = 0;
            int nonZero = 0;
            for (int j = start; j < end; j++) {
                sum += counts[j];
                if (counts[j] != 0) {
                    nonZero++;
                }
            }
            for (int j = start; j < end; j++) {
                q[j] = counts[j] != 0 ? sum / nonZero : 0;
            }
        }
        double pSum = 0;
        double qSum = 0;
        for (int j = 0; j < i; j++) {
            pSum += p[j];
            qSum += q[j];
        }
        if (pSum == 0 || qSum == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double kl = 0;
        for (int j = 0; j < i; j++) {
            if (p[j] > 0) {
                double pj = p[j] / pSum;
                double qj = q[j] / qSum;
                kl += qj > 0 ? pj * Math.log(pj / qj) : pj * Math.log(pj / 1e-12);
            }
        }
        return kl;
    }

    /**
     * The entropy-calibrated range with {@code exactZeros} of the values in {@code absCounts[0]} being exactly 0:
     * they are removed from that bin before the search (see the class comment).
     */
    public static MinMax entropy(long[] absCounts, long exactZeros, double width, MinMax observed, int bits) {
        if (exactZeros < 0 || absCounts.length == 0 || exactZeros > absCounts[0]) {
            throw new IllegalArgumentException("exactZeros must be in [0, absCounts[0]], got " + exactZeros);
        }
        long[] nonZero = absCounts.clone();
        nonZero[0] -= exactZeros;
        return entropy(nonZero, width, observed, bits);
    }

    /** The entropy-calibrated range: {@code [max(min, -T), min(max, T)]}, over the histogram as given. */
    public static MinMax entropy(long[] absCounts, double width, MinMax observed, int bits) {
        int levels = observed.min() >= 0 ? (1 << bits) : (1 << (bits - 1));
        double t = entropyThreshold(absCounts, width, levels);
        double hi = Math.min(observed.max(), t);
        double lo = Math.max(observed.min(), -t);
        return new MinMax(Math.min(lo, hi), hi);
    }
}
