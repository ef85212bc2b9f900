package dev.quantlab.train;

/**
 * A training recipe. {@code trainLimit} and {@code evalLimit} pick class-balanced subsets (0 = all);
 * {@code stepsPerEpoch} caps the steps of an epoch (0 = a full pass), for short runs.
 */
public record TrainConfig(int epochs, int batchSize, LrSchedule schedule, double momentum, boolean nesterov,
        double weightDecay, double labelSmoothing, long seed, int trainLimit, int evalLimit, int stepsPerEpoch,
        int checkpointEverySteps) {

    public TrainConfig {
        if (epochs <= 0) {
            throw new IllegalArgumentException("epochs must be positive, got " + epochs);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0,1), got " + momentum);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
        }
        if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
            throw new IllegalArgumentException("label smoothing must be in [0,1), got " + labelSmoothing);
        }
        if (trainLimit < 0 || evalLimit < 0) {
            throw new IllegalArgumentException("image limits must be 0 (all images) or positive, got train "
                    + trainLimit + ", test " + evalLimit);
        }
        if (stepsPerEpoch < 0) {
            throw new IllegalArgumentException("steps per epoch must be 0 (a full pass) or positive, got "
                    + stepsPerEpoch);
        }
        if (checkpointEverySteps < 0) {
            throw new IllegalArgumentException("checkpoint interval must be 0 (each epoch only) or positive, got "
                    + checkpointEverySteps);
        }
    }

    /** The recipe of the shipped reference model. */
    public static TrainConfig reference() {
        return new TrainConfig(18, 128, new LrSchedule(LrSchedule.Kind.ONE_CYCLE, 0.1, 0.15), 0.9, true, 5e-4, 0.1,
                42, 0, 2000, 0, 100);
    }

    public String describe() {
        return String.format(java.util.Locale.ROOT,
                "epochs=%d batch=%d schedule=%s peak_lr=%s warmup=%s momentum=%s nesterov=%s weight_decay=%s "
                        + "label_smoothing=%s seed=%d train_limit=%d eval_limit=%d steps_per_epoch=%d",
                epochs, batchSize, schedule.kind(), schedule.peak(), schedule.warmupFraction(), momentum, nesterov,
                weightDecay, labelSmoothing, seed, trainLimit, evalLimit, stepsPerEpoch);
    }
}
