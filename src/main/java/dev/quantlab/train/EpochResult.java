package dev.quantlab.train;

import java.util.Locale;

/** A finished epoch: train loss/accuracy (augmented, running), test accuracy on the eval subset, speed. */
public record EpochResult(int epoch, double trainLoss, double trainAccuracy, double testAccuracy, double lr,
        double imagesPerSecond, double epochSeconds, double wallSeconds) {

    public static final String CSV_HEADER = "epoch,train_loss,train_acc,test_acc,lr,img_per_s,epoch_s,wall_s";

    public String toCsv() {
        return String.format(Locale.ROOT, "%d,%.5f,%.4f,%.4f,%.6f,%.2f,%.1f,%.1f", epoch, trainLoss,
                trainAccuracy, testAccuracy, lr, imagesPerSecond, epochSeconds, wallSeconds);
    }
}
