package dev.quantlab.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** MSE and entropy clipping against direct numerical searches on raw samples. */
class ClipSearchTest {

    /** Mean squared error of quantizing the samples themselves on [lo, hi] at bits (clamped). */
    private static double sampleError(double[] x, double lo, double hi, int bits) {
        double levels = (1 << bits) - 1;
        double s = (hi - lo) / levels;
        double e = 0;
        for (double v : x) {
            double q = lo + Math.max(0, Math.min(levels, Math.rint((v - lo) / s))) * s;
            e += (v - q) * (v - q);
        }
        return e / x.length;
    }

    @Test
    void mseRangeIsAsGoodAsABruteForceSearchOverTheSamples() {
        SplittableRandom rnd = new SplittableRandom(5);
        double[] x = new double[200_000];
        RangeObserver obs = RangeObserver.withHistogram(2048);
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            double u = rnd.nextDouble();
            x[i] = -Math.log(1 - u); // post-ReLU-like: exponential, long tail
            f[i] = (float) x[i];
            x[i] = f[i];
        }
        obs.observe("p", f);
        double max = obs.ranges().get("p").max();
        for (int bits : new int[] {4, 8}) {
            MinMax chosen = obs.mseRanges(bits).get("p");
            double best = Double.POSITIVE_INFINITY;
            for (int j = 1; j <= 2000; j++) {
                best = Math.min(best, sampleError(x, 0, max * j / 2000.0, bits));
            }
            double got = sampleError(x, chosen.min(), chosen.max(), bits);
            assertTrue(got <= best * 1.02, bits + " bits: " + got + " vs brute force " + best);
            assertTrue(chosen.max() < max, "an exponential tail is clipped at " + bits + " bits");
        }
    }

    /** KL(P||Q) computed directly from its definition with explicit per-level loops, for one threshold. */
    private static double directKl(long[] c, int i, int levels) {
        double[] p = new double[i];
        for (int j = 0; j < c.length; j++) {
            p[Math.min(j, i - 1)] += c[j];
        }
        double[] q = new double[i];
        double binsPerLevel = (double) i / levels;
        for (int level = 0; level < levels; level++) {
            int a = (int) Math.floor(level * binsPerLevel + 1e-9);
            int b = (int) Math.floor((level + 1) * binsPerLevel + 1e-9);
            long sum = 0;
            int used = 0;
            for (int j = a; j < b; j++) {
                sum += c[j];
                used += c[j] > 0 ? 1 : 0;
            }
            for (int j = a; j < b; j++) {
                q[j] = c[j] > 0 ? (double) sum / used : 0;
            }
        }
        double ps = java.util.Arrays.stream(p).sum();
        double qs = java.util.Arrays.stream(q).sum();
        double kl = 0;
        for (int j = 0; j < i; j++) {
            if (p[j] > 0) {
                kl += p[j] / ps * Math.log((p[j] / ps) / (q[j] > 0 ? q[j] / qs : 1e-12));
            }
        }
        return kl;
    }

    @Test
    void entropyThresholdMinimisesTheKlDivergenceOfEveryCandidate() {
        SplittableRandom rnd = new SplittableRandom(11);
        long[] counts = new long[256];
        for (int n = 0; n < 100_000; n++) {
            double v = -Math.log(1 - rnd.nextDouble()) * 12; // bins of width 1
            counts[(int) Math.min(255, v)]++;
        }
        int levels = 16;
        int bestI = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int i = levels; i <= counts.length; i++) {
            double kl = directKl(counts, i, levels);
            assertEquals(kl, ClipSearch.klForThreshold(counts, i, levels), 1e-9, "threshold bin " + i);
            if (kl < best) {
                best = kl;
                bestI = i;
            }
        }
        assertEquals(bestI, ClipSearch.entropyThreshold(counts, 1.0, levels), 1e-12);
        assertTrue(bestI < counts.length, "the exponential tail is clipped");
    }

    /**
     * After a ReLU most values are exactly 0. The entropy range must be the one a direct search of the KL
     * objective finds over the histogram of the other values (zeros are a level at every threshold), and the
     * same with or without the zeros; with the zero spike left in, it collapsed to the smallest candidate.
     */
    @Test
    void entropyRangeOfAReluOutputIsTheDirectKlMinimumOverItsNonZeroValues() {
        SplittableRandom rnd = new SplittableRandom(23);
        double width = 16.0 / 2048; // every sample is a bin centre of the observer's 2,048 bins over [0, 16)
        long[] counts = new long[2048];
        float[] nonZero = new float[300_000];
        for (int n = 0; n < nonZero.length; n++) {
            int k = (int) Math.min(2047, -Math.log(1 - rnd.nextDouble()) / width);
            counts[k]++;
            nonZero[n] = (float) ((k + 0.5) * width);
        }
        RangeObserver relu = RangeObserver.withHistogram(2048);
        RangeObserver noZeros = RangeObserver.withHistogram(2048);
        relu.observe("p", new float[450_000]); // 60% exact zeros
        relu.observe("p", nonZero);
        noZeros.observe("p", nonZero);
        double max = relu.ranges().get("p").max();
        assertTrue(max >= 8 && max < 16, "the histogram spans [0, 16): max " + max);
        for (int bits : new int[] {8, 4, 2}) {
            int levels = 1 << bits; // unsigned: all 2^bits levels on [0, T]
            int bestI = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int i = levels; i <= counts.length; i++) {
                double kl = directKl(counts, i, levels);
                if (kl < best) {
                    best = kl;
                    bestI = i;
                }
            }
            double expected = Math.min(max, bestI * width);
            MinMax got = relu.entropyRanges(bits).get("p");
            assertEquals(expected, got.max(), 1e-12, bits + " bits");
            assertEquals(0, got.min(), bits + " bits");
            assertEquals(noZeros.entropyRanges(bits).get("p").max(), got.max(), bits + " bits: zeros move nothing");
            assertTrue(got.max() > 0.3 * max, bits + " bits: no collapse, T = " + got.max() + " of max " + max);
        }
    }
}
