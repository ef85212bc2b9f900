package dev.quantlab.linear.pipeline;

import dev.quantlab.model.GradMode;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.data.Augmentation;
import dev.quantlab.data.BatchMaker;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.linear.ActivationRanges;
import dev.quantlab.linear.MovingAverageMinMax;
import dev.quantlab.linear.RangeObserver;
import dev.quantlab.model.VggNet;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * Records activation ranges for linear quantization: the input of every conv/linear layer and the output of
 * the ReLU after each conv, over {@code batches} batches of augmented training images (the lesson: one batch
 * of 512). Min/max by default; {@code percentile < 100} clips outliers (beyond the lesson), and {@link Clip}
 * chooses other ways to take a range from what was observed.
 */
public final class ActivationCalibrator {
    private static final int CHUNK = 128;

    /** How a record names the lesson's activation ranges (min/max), which its note leaves unsaid. */
    public static final String LESSON_RANGES = "min/max";

    /** How a point's range is taken from what was observed. */
    public enum Clip {
        /** min/max, or the percentile when below 100 (the lesson's). */
        MINMAX,
        /** the range with the smallest quantization error of the observed histogram at {@code bits}. */
        MSE,
        /** TensorRT's entropy (KL-divergence) calibration at {@code bits}. */
        ENTROPY,
        /** PyTorch's moving-average min/max over the batches ({@link MovingAverageMinMax}, constant 0.01). */
        MOVING_AVERAGE;

        /** Whether this method needs a histogram of the observed values. */
        boolean needsHistogram(double percentile) {
            return this == MSE || this == ENTROPY || (this == MINMAX && percentile < 100);
        }
    }

    /**
     * How many images and how the range is taken.
     *
     * @param clip how ranges are chosen; {@code bits}: the activation bit-width MSE and entropy clipping aim at
     */
    public record Settings(int batches, int batchSize, double percentile, long seed, Clip clip, int bits) {
        /** Min/max or percentile ranges. */
        public Settings(int batches, int batchSize, double percentile, long seed) {
            this(batches, batchSize, percentile, seed, Clip.MINMAX, 8);
        }

        /**
         * How these settings take the activation ranges, as a run's record names them: {@value #LESSON_RANGES} (the
         * lesson's), "percentile 99.99", "MSE", "entropy", "moving-average".
         */
        public String rangesName() {
            return switch (clip) {
                case MINMAX -> percentile < 100 ? "percentile " + percentile : LESSON_RANGES;
                case MSE -> "MSE";
                case ENTROPY -> "entropy";
                case MOVING_AVERAGE -> "moving-average";
            };
        }

        public Settings {
            if (batches <= 0 || batchSize <= 0) {
                throw new IllegalArgumentException("calibration needs at least one batch of at least one image");
            }
            if (!(percentile > 50) || percentile > 100) {
                throw new IllegalArgumentException("percentile must be in (50, 100], got " + percentile);
            }
        }

        public static Settings lesson() {
            return new Settings(1, 512, 100.0, 0);
        }
    }

    private ActivationCalibrator() { }

    public static ActivationRanges calibrate(NDManager parent, VggNet net, CifarSplit train, Settings s,
            ProgressListener progress, CancellationToken cancel) {
        boolean histogram = s.clip().needsHistogram(s.percentile());
        return ranges(observe(parent, net, train, s.batches(), s.batchSize(), s.seed(), histogram, progress, cancel), s);
    }

    /**
     * Runs the calibration images of {@code s} through {@code net} and records every point: min/max, and with
     * {@code histograms} a histogram per point, from which {@link #ranges} takes the ranges of any clipping method
     * (so that several methods can be compared on one pass).
     */
    public static RangeObserver observe(NDManager parent, VggNet net, CifarSplit train, Settings s,
            boolean histograms, ProgressListener progress, CancellationToken cancel) {
        return observe(parent, net, train, s.batches(), s.batchSize(), s.seed(), histograms, progress, cancel);
    }

    /** The ranges {@code s} asks for, from an observer filled by {@link #observe}. */
    public static ActivationRanges ranges(RangeObserver observer, Settings s) {
        return switch (s.clip()) {
            case MSE -> observer.mseRanges(s.bits());
            case ENTROPY -> observer.entropyRanges(s.bits());
            case MOVING_AVERAGE -> observer.movingAverageRanges(MovingAverageMinMax.PYTORCH_CONSTANT);
            case MINMAX -> s.percentile() < 100 ? observer.percentileRanges(s.percentile()) : observer.ranges();
        };
    }

    /**
     * Runs {@code batches} batches of {@code batchSize} augmented training images (shuffled with {@code seed}) through
     * {@code net} and records every activation point, ending a batch in the observer after each; with
     * {@code histogram} every value goes into a histogram (for percentile, MSE and entropy), else only each
     * forward chunk's min/max. The first batch is the lesson's calibration batch whatever {@code batches} is.
     */
    public static RangeObserver observe(NDManager parent, VggNet net, CifarSplit train, int batches, int batchSize,
            long seed, boolean histogram, ProgressListener progress, CancellationToken cancel) {
        GradMode.offOnThisThread();
        RangeObserver observer = histogram ? RangeObserver.withHistogram(RangeObserver.DEFAULT_BINS)
                : RangeObserver.minMax();
        int[] order = BatchMaker.shuffled(train.balancedIndices(0), new SplittableRandom(seed));
        int total = (int) Math.min(order.length, (long) batches * batchSize);
        float[] buf = new float[CHUNK * CifarSplit.IMAGE_BYTES];
        SplittableRandom rnd = new SplittableRandom(seed + 1);
        for (int batchStart = 0; batchStart < total; batchStart += batchSize) {
            int batchEnd = Math.min(total, batchStart + batchSize);
            for (int from = batchStart; from < batchEnd; from += CHUNK) {
                cancel.throwIfCancelled();
                int n = Math.min(CHUNK, batchEnd - from);
                BatchMaker.fill(train, order, from, n, Augmentation.LESSON, rnd, buf);
                try (NDManager m = parent.newSubManager()) {
                    NDArray x = m.create(FloatBuffer.wrap(buf, 0, n * CifarSplit.IMAGE_BYTES), new Shape(n, 3, 32, 32));
                    net.forward(x, false, (point, value) -> {
                        if (histogram) {
                            observer.observe(point, value.toFloatArray());
                        } else {
                            observer.observe(point, new float[] {value.min().getFloat(), value.max().getFloat()});
                        }
                    });
                }
                progress.onProgress(from + n, total, "calibrating activation ranges");
            }
            observer.endBatch();
        }
        return observer;
    }
}
