package dev.quantlab.linear.pipeline;

import ai.djl.ndarray.NDManager;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.eval.EvalResult;
import dev.quantlab.eval.Evaluator;
import dev.quantlab.linear.ActivationRanges;
import dev.quantlab.linear.FoldedVgg;
import dev.quantlab.linear.IntegerVgg;
import dev.quantlab.linear.IntegerVggConfig;
import dev.quantlab.linear.MovingAverageMinMax;
import dev.quantlab.linear.RangeObserver;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggNet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The integer-only model's accuracy for each way of choosing activation ranges at each weight/activation
 * bit-width pair. One calibration pass over {@code batches} batches records everything every method needs (per-batch
 * min/max and a histogram per point), so all methods see the same images; "min/max, one batch" uses the first
 * batch only, which is the lesson's calibration. The fp32 state dict is only read.
 */
public final class CalibrationComparison {

    /** A way to take activation ranges from the calibration pass. */
    public enum Method {
        MINMAX_ONE_BATCH("min/max, first batch (the lesson)"),
        MOVING_AVERAGE("moving-average min/max (constant 0.01)"),
        PERCENTILE("percentile"),
        MSE("MSE-optimal clipping"),
        ENTROPY("entropy (KL) clipping");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** This method's ranges at {@code activationBits} ({@code percentile} for {@link #PERCENTILE}). */
        public ActivationRanges ranges(RangeObserver observed, int activationBits, double percentile) {
            return switch (this) {
                case MINMAX_ONE_BATCH -> observed.firstBatchRanges();
                case MOVING_AVERAGE -> observed.movingAverageRanges(MovingAverageMinMax.PYTORCH_CONSTANT);
                case PERCENTILE -> observed.percentileRanges(percentile);
                case MSE -> observed.mseRanges(activationBits);
                case ENTROPY -> observed.entropyRanges(activationBits);
            };
        }
    }

    /** Weight and activation bits, e.g. W4A8. */
    public record Widths(int weightBits, int activationBits) {
        public static final List<Widths> DEFAULT = List.of(new Widths(8, 8), new Widths(4, 8), new Widths(4, 4));

        public Widths {
            IntegerVggConfig.lesson().withWeightBits(weightBits).withActivationBits(activationBits);
        }

        /** Parses {@code W4A8} (case-insensitive). */
        public static Widths parse(String s) {
            var m = java.util.regex.Pattern.compile("[wW](\\d)[aA](\\d)").matcher(s.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("bit-widths '" + s + "' are not of the form W8A8");
            }
            return new Widths(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }

        public String label() {
            return String.format(Locale.ROOT, "W%dA%d", weightBits, activationBits);
        }
    }

    /** How the calibration pass runs; {@code percentile} is the one the {@link Method#PERCENTILE} row uses. */
    public record Settings(int batches, int batchSize, double percentile, long seed, IntegerVggConfig base) {
        public Settings {
            if (batches <= 0 || batchSize <= 0) {
                throw new IllegalArgumentException("calibration needs at least one batch of at least one image");
            }
            if (!(percentile > 50 && percentile <= 100)) {
                throw new IllegalArgumentException("percentile must be in (50, 100], got " + percentile);
            }
        }
    }

    /** One measured cell. */
    public record Cell(Method method, Widths widths, double accuracyPercent, int images, double seconds) { }

    private final Settings settings;
    private final CancellationToken cancel;

    public CalibrationComparison(Settings settings, CancellationToken cancel) {
        this.settings = settings;
        this.cancel = cancel;
    }

    /** The calibration pass: every point's per-batch min/max and histogram. */
    public RangeObserver observe(NDManager parent, StateDict fp32, CifarSplit train, ProgressListener progress) {
        try (VggNet net = VggNet.fromStateDict(parent, fp32)) {
            return ActivationCalibrator.observe(parent, net, train, settings.batches(), settings.batchSize(),
                    settings.seed(), true, progress, cancel);
        }
    }

    /**
     * Builds and evaluates (on a class-balanced subset of {@code limit} test images, 0: all) the integer model for
     * every method and widths, widths first; {@code onCell} gets each cell as soon as it is measured.
     */
    public List<Cell> run(RangeObserver observed, StateDict fp32, CifarSplit test, List<Widths> widths,
            List<Method> methods, int limit, Consumer<Cell> onCell, ProgressListener progress) {
        FoldedVgg folded = FoldedVgg.fromStateDict(fp32);
        List<Cell> cells = new ArrayList<>();
        for (Widths w : widths) {
            IntegerVggConfig config = settings.base().withWeightBits(w.weightBits()).withActivationBits(w.activationBits());
            for (Method m : methods) {
                cancel.throwIfCancelled();
                ActivationRanges ranges = m.ranges(observed, w.activationBits(), settings.percentile());
                IntegerVgg model = IntegerVgg.build(folded, ranges, config);
                EvalResult r = new Evaluator(100).evaluate(new IntegerPredictor(model), test, limit, progress, cancel);
                Cell cell = new Cell(m, w, r.accuracyPercent(), r.images(), r.seconds());
                cells.add(cell);
                onCell.accept(cell);
            }
        }
        return cells;
    }
}
