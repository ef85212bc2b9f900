package dev.quantlab.kmeans.qat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a QAT run stands: what was measured before fine-tuning, the next (epoch, step) to run, running sums of
 * the current epoch and the finished epochs' accuracies. Saved with every QAT checkpoint so that a resumed run
 * continues with the same batches, learning rates and best accuracy.
 */
final class QatState {
    double accuracyBefore;
    double accuracyAfterBn = Double.NaN;
    double start;
    double kmeansSeconds;
    int epoch;
    int step;
    long global;
    double lossSum;
    long correct;
    double epochSeconds;
    double qatSeconds;
    double best;
    boolean done;
    final List<Double> epochAccuracies = new ArrayList<>();

    String epochAccuraciesText() {
        List<String> parts = new ArrayList<>();
        epochAccuracies.forEach(a -> parts.add(String.format(Locale.ROOT, "%.17g", a)));
        return String.join(",", parts);
    }

    static List<Double> parseAccuracies(String text) {
        List<Double> out = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            for (String s : text.split(",")) {
                out.add(Double.parseDouble(s));
            }
        }
        return out;
    }
}
