package dev.quantlab.eval;

/**
 * Top-1 accuracy of a model on a set of images, with the confusion matrix
 * ({@code confusion[true][predicted]}) from which per-class accuracy follows.
 */
public record EvalResult(int images, int correct, long[][] confusion, double seconds) {

    /** Accuracy in percent, as the lesson prints it. */
    public double accuracyPercent() {
        return images == 0 ? 0 : 100.0 * correct / images;
    }

    public double[] perClassPercent() {
        double[] out = new double[confusion.length];
        for (int c = 0; c < confusion.length; c++) {
            long total = 0;
            for (long v : confusion[c]) {
                total += v;
            }
            out[c] = total == 0 ? Double.NaN : 100.0 * confusion[c][c] / total;
        }
        return out;
    }

    public double imagesPerSecond() {
        return seconds <= 0 ? 0 : images / seconds;
    }
}
