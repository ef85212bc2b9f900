package dev.quantlab.train;

import java.util.Locale;

/**
 * A training recipe, built by name: {@code TrainConfig.builder().epochs(18).batchSize(128)...build()} (unset values
 * are the reference recipe's). {@code trainLimit} and {@code evalLimit} pick class-balanced subsets (0 = all);
 * {@code stepsPerEpoch} caps the steps of an epoch (0 = a full pass), for short runs.
 */
public final class TrainConfig {
    private final int epochs;
    private final int batchSize;
    private final LrSchedule schedule;
    private final double momentum;
    private final boolean nesterov;
    private final double weightDecay;
    private final double labelSmoothing;
    private final long seed;
    private final int trainLimit;
    private final int evalLimit;
    private final int stepsPerEpoch;
    private final int checkpointEverySteps;

    private TrainConfig(Builder b) {
        if (b.epochs <= 0) {
            throw new IllegalArgumentException("epochs must be positive, got " + b.epochs);
        }
        if (b.batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + b.batchSize);
        }
        if (!(b.momentum >= 0 && b.momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0,1), got " + b.momentum);
        }
        if (!(b.weightDecay >= 0) || Double.isInfinite(b.weightDecay)) {
            throw new IllegalArgumentException("weight decay must be >= 0, got " + b.weightDecay);
        }
        if (!(b.labelSmoothing >= 0 && b.labelSmoothing < 1)) {
            throw new IllegalArgumentException("label smoothing must be in [0,1), got " + b.labelSmoothing);
        }
        if (b.trainLimit < 0 || b.evalLimit < 0) {
            throw new IllegalArgumentException("image limits must be 0 (all images) or positive, got train "
                    + b.trainLimit + ", test " + b.evalLimit);
        }
        if (b.stepsPerEpoch < 0) {
            throw new IllegalArgumentException("steps per epoch must be 0 (a full pass) or positive, got "
                    + b.stepsPerEpoch);
        }
        if (b.checkpointEverySteps < 0) {
            throw new IllegalArgumentException("checkpoint interval must be 0 (each epoch only) or positive, got "
                    + b.checkpointEverySteps);
        }
        epochs = b.epochs;
        batchSize = b.batchSize;
        schedule = b.schedule;
        momentum = b.momentum;
        nesterov = b.nesterov;
        weightDecay = b.weightDecay;
        labelSmoothing = b.labelSmoothing;
        seed = b.seed;
        trainLimit = b.trainLimit;
        evalLimit = b.evalLimit;
        stepsPerEpoch = b.stepsPerEpoch;
        checkpointEverySteps = b.checkpointEverySteps;
    }

    /** A builder that starts from the reference recipe. */
    public static Builder builder() {
        return new Builder();
    }

    /** The recipe of the shipped reference model. */
    public static TrainConfig reference() {
        return builder().build();
    }

    public int epochs() {
        return epochs;
    }

    public int batchSize() {
        return batchSize;
    }

    public LrSchedule schedule() {
        return schedule;
    }

    public double momentum() {
        return momentum;
    }

    public boolean nesterov() {
        return nesterov;
    }

    public double weightDecay() {
        return weightDecay;
    }

    public double labelSmoothing() {
        return labelSmoothing;
    }

    public long seed() {
        return seed;
    }

    public int trainLimit() {
        return trainLimit;
    }

    public int evalLimit() {
        return evalLimit;
    }

    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    public int checkpointEverySteps() {
        return checkpointEverySteps;
    }

    /** Everything that shapes the run (saved with each checkpoint; a run resumes only with the same). */
    public String describe() {
        return String.format(Locale.ROOT,
                "epochs=%d batch=%d schedule=%s peak_lr=%s warmup=%s momentum=%s nesterov=%s weight_decay=%s "
                        + "label_smoothing=%s seed=%d train_limit=%d eval_limit=%d steps_per_epoch=%d",
                epochs, batchSize, schedule.kind(), schedule.peak(), schedule.warmupFraction(), momentum, nesterov,
                weightDecay, labelSmoothing, seed, trainLimit, evalLimit, stepsPerEpoch);
    }

    @Override
    public String toString() {
        return describe() + " checkpoint_every=" + checkpointEverySteps;
    }

    /** Sets a recipe's values by name; starts from the reference recipe. */
    public static final class Builder {
        private int epochs = 18;
        private int batchSize = 128;
        private LrSchedule schedule = new LrSchedule(LrSchedule.Kind.ONE_CYCLE, 0.1, 0.15);
        private double momentum = 0.9;
        private boolean nesterov = true;
        private double weightDecay = 5e-4;
        private double labelSmoothing = 0.1;
        private long seed = 42;
        private int trainLimit;
        private int evalLimit = 2000;
        private int stepsPerEpoch;
        private int checkpointEverySteps = 100;

        private Builder() { }

        public Builder epochs(int v) {
            epochs = v;
            return this;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        public Builder schedule(LrSchedule v) {
            schedule = v;
            return this;
        }

        public Builder momentum(double v) {
            momentum = v;
            return this;
        }

        public Builder nesterov(boolean v) {
            nesterov = v;
            return this;
        }

        public Builder weightDecay(double v) {
            weightDecay = v;
            return this;
        }

        public Builder labelSmoothing(double v) {
            labelSmoothing = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** Train on a class-balanced subset of this many images (0: all). */
        public Builder trainLimit(int v) {
            trainLimit = v;
            return this;
        }

        /** Test images evaluated after each epoch (0: all). */
        public Builder evalLimit(int v) {
            evalLimit = v;
            return this;
        }

        /** Caps the steps of an epoch (0: a full pass). */
        public Builder stepsPerEpoch(int v) {
            stepsPerEpoch = v;
            return this;
        }

        /** Also checkpoint every this many steps (0: only after each epoch). */
        public Builder checkpointEverySteps(int v) {
            checkpointEverySteps = v;
            return this;
        }

        public TrainConfig build() {
            return new TrainConfig(this);
        }
    }
}
