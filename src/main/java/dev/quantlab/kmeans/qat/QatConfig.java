package dev.quantlab.kmeans.qat;

/**
 * Quantization-aware training settings, built by name: {@code QatConfig.builder().epochs(1).threshold(0.5)...build()}
 * (unset values are the lesson's: threshold 0.5 points, up to 5 epochs, SGD lr 0.01 momentum 0.9, cosine schedule,
 * batch 512). {@code epochFraction} < 1 runs only part of each epoch and {@code evalLimit} evaluates on a
 * class-balanced test subset, so a learner sees recovery in minutes. {@code bnRecalibrationImages} > 0 re-estimates
 * BatchNorm statistics on that many training images right after quantizing (beyond the lesson); the QAT decision
 * and fine-tuning then start from that model.
 */
public final class QatConfig {
    private final int epochs;
    private final double threshold;
    private final double lr;
    private final double momentum;
    private final double weightDecay;
    private final int batchSize;
    private final UpdateRule rule;
    private final double epochFraction;
    private final int evalLimit;
    private final long seed;
    private final int bnRecalibrationImages;

    private QatConfig(Builder b) {
        if (b.epochs <= 0) {
            throw new IllegalArgumentException("QAT epochs must be positive, got " + b.epochs);
        }
        if (!(b.threshold >= 0) || Double.isInfinite(b.threshold)) {
            throw new IllegalArgumentException("accuracy-drop threshold must be >= 0, got " + b.threshold);
        }
        if (!(b.lr > 0) || Double.isInfinite(b.lr)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + b.lr);
        }
        if (!(b.momentum >= 0 && b.momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0,1), got " + b.momentum);
        }
        if (!(b.weightDecay >= 0) || Double.isInfinite(b.weightDecay)) {
            throw new IllegalArgumentException("weight decay must be >= 0, got " + b.weightDecay);
        }
        if (b.evalLimit < 0) {
            throw new IllegalArgumentException("test image limit must be 0 (all images) or positive, got "
                    + b.evalLimit);
        }
        if (b.batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + b.batchSize);
        }
        if (b.bnRecalibrationImages < 0 || b.bnRecalibrationImages == 1) {
            throw new IllegalArgumentException("BatchNorm re-estimation needs 0 (off) or at least 2 images, got "
                    + b.bnRecalibrationImages);
        }
        if (!(b.epochFraction > 0) || b.epochFraction > 1) {
            throw new IllegalArgumentException("epoch fraction must be in (0, 1], got " + b.epochFraction);
        }
        if (b.rule == null) {
            throw new IllegalArgumentException("no centroid update rule");
        }
        epochs = b.epochs;
        threshold = b.threshold;
        lr = b.lr;
        momentum = b.momentum;
        weightDecay = b.weightDecay;
        batchSize = b.batchSize;
        rule = b.rule;
        epochFraction = b.epochFraction;
        evalLimit = b.evalLimit;
        seed = b.seed;
        bnRecalibrationImages = b.bnRecalibrationImages;
    }

    /** A builder that starts from the lesson's settings. */
    public static Builder builder() {
        return new Builder();
    }

    public int epochs() {
        return epochs;
    }

    public double threshold() {
        return threshold;
    }

    public double lr() {
        return lr;
    }

    public double momentum() {
        return momentum;
    }

    public double weightDecay() {
        return weightDecay;
    }

    public int batchSize() {
        return batchSize;
    }

    public UpdateRule rule() {
        return rule;
    }

    public double epochFraction() {
        return epochFraction;
    }

    public int evalLimit() {
        return evalLimit;
    }

    public long seed() {
        return seed;
    }

    public int bnRecalibrationImages() {
        return bnRecalibrationImages;
    }

    /**
     * Every setting, in the text QAT checkpoints record (the form this class had as a record, kept so that runs
     * saved before still resume).
     */
    public String describe() {
        return "QatConfig[epochs=" + epochs + ", threshold=" + threshold + ", lr=" + lr + ", momentum=" + momentum
                + ", weightDecay=" + weightDecay + ", batchSize=" + batchSize + ", rule=" + rule + ", epochFraction="
                + epochFraction + ", evalLimit=" + evalLimit + ", seed=" + seed + ", bnRecalibrationImages="
                + bnRecalibrationImages + "]";
    }

    @Override
    public String toString() {
        return describe();
    }

    /** Sets QAT values by name; starts from the lesson's. */
    public static final class Builder {
        private int epochs = 5;
        private double threshold = 0.5;
        private double lr = 0.01;
        private double momentum = 0.9;
        private double weightDecay;
        private int batchSize = 512;
        private UpdateRule rule = UpdateRule.MEAN;
        private double epochFraction = 1.0;
        private int evalLimit;
        private long seed;
        private int bnRecalibrationImages;

        private Builder() { }

        /** The most fine-tuning epochs. */
        public Builder epochs(int v) {
            epochs = v;
            return this;
        }

        /** Fine-tune only when the accuracy drop (points) exceeds this; stop once within it. */
        public Builder threshold(double v) {
            threshold = v;
            return this;
        }

        /** Peak learning rate of the cosine schedule. */
        public Builder lr(double v) {
            lr = v;
            return this;
        }

        public Builder momentum(double v) {
            momentum = v;
            return this;
        }

        public Builder weightDecay(double v) {
            weightDecay = v;
            return this;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        public Builder rule(UpdateRule v) {
            rule = v;
            return this;
        }

        /** The fraction of each epoch's steps to run, in (0, 1]. */
        public Builder epochFraction(double v) {
            epochFraction = v;
            return this;
        }

        /** Evaluate on a class-balanced subset of this many test images (0: all). */
        public Builder evalLimit(int v) {
            evalLimit = v;
            return this;
        }

        /** Seed of the k-means starts and the fine-tuning batches. */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** Re-estimate BatchNorm statistics on this many training images after quantizing (0: off). */
        public Builder bnRecalibrationImages(int v) {
            bnRecalibrationImages = v;
            return this;
        }

        public QatConfig build() {
            return new QatConfig(this);
        }
    }
}
