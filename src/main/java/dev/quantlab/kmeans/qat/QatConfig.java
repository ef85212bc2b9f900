package dev.quantlab.kmeans.qat;

/**
 * Quantization-aware training settings. The lesson's: threshold 0.5 points, up to 5 epochs, SGD lr 0.01
 * momentum 0.9, cosine schedule, batch 512. {@code epochFraction} < 1 runs only part of each epoch and
 * {@code evalLimit} evaluates on a class-balanced test subset, so a learner sees recovery in minutes.
 * {@code bnRecalibrationImages} > 0 re-estimates BatchNorm statistics on that many training images right
 * after quantizing (beyond the lesson); the QAT decision and fine-tuning then start from that model.
 */
public record QatConfig(int epochs, double threshold, double lr, double momentum, double weightDecay, int batchSize,
        UpdateRule rule, double epochFraction, int evalLimit, long seed, int bnRecalibrationImages) {

    public QatConfig {
        if (epochs <= 0) {
            throw new IllegalArgumentException("QAT epochs must be positive, got " + epochs);
        }
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("accuracy-drop threshold must be >= 0, got " + threshold);
        }
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + lr);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0,1), got " + momentum);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
        }
        if (evalLimit < 0) {
            throw new IllegalArgumentException("test image limit must be 0 (all images) or positive, got " + evalLimit);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        if (bnRecalibrationImages < 0 || bnRecalibrationImages == 1) {
            throw new IllegalArgumentException("BatchNorm re-estimation needs 0 (off) or at least 2 images, got "
                    + bnRecalibrationImages);
        }
        if (!(epochFraction > 0) || epochFraction > 1) {
            throw new IllegalArgumentException("epoch fraction must be in (0, 1], got " + epochFraction);
        }
    }

    public static QatConfig lesson() {
        return new QatConfig(5, 0.5, 0.01, 0.9, 0.0, 512, UpdateRule.MEAN, 1.0, 0, 0, 0);
    }

    public QatConfig withRule(UpdateRule r) {
        return new QatConfig(epochs, threshold, lr, momentum, weightDecay, batchSize, r, epochFraction, evalLimit, seed,
                bnRecalibrationImages);
    }
}
