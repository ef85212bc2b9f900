package dev.quantlab.kmeans.qat;

import dev.quantlab.train.Checkpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    /** The state as the key/values of a {@link Checkpoint}. */
    Map<String, String> toFields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("accuracy_before", Double.toString(accuracyBefore));
        m.put("accuracy_after_bn", Double.toString(accuracyAfterBn));
        m.put("start", Double.toString(start));
        m.put("kmeans_seconds", Double.toString(kmeansSeconds));
        m.put("epoch", Integer.toString(epoch));
        m.put("step", Integer.toString(step));
        m.put("global_step", Long.toString(global));
        m.put("loss_sum", Double.toString(lossSum));
        m.put("correct", Long.toString(correct));
        m.put("epoch_seconds", Double.toString(epochSeconds));
        m.put("qat_seconds", Double.toString(qatSeconds));
        m.put("best", Double.toString(best));
        m.put("done", Boolean.toString(done));
        m.put("epoch_accuracies", epochAccuraciesText());
        return m;
    }

    static QatState fromFields(Checkpoint.Contents c) {
        QatState s = new QatState();
        s.accuracyBefore = Double.parseDouble(c.field("accuracy_before"));
        s.accuracyAfterBn = Double.parseDouble(c.field("accuracy_after_bn"));
        s.start = Double.parseDouble(c.field("start"));
        s.kmeansSeconds = Double.parseDouble(c.field("kmeans_seconds"));
        s.epoch = Integer.parseInt(c.field("epoch"));
        s.step = Integer.parseInt(c.field("step"));
        s.global = Long.parseLong(c.field("global_step"));
        s.lossSum = Double.parseDouble(c.field("loss_sum"));
        s.correct = Long.parseLong(c.field("correct"));
        s.epochSeconds = Double.parseDouble(c.field("epoch_seconds"));
        s.qatSeconds = Double.parseDouble(c.field("qat_seconds"));
        s.best = Double.parseDouble(c.field("best"));
        s.done = Boolean.parseBoolean(c.field("done"));
        s.epochAccuracies.addAll(parseAccuracies(c.state().get("epoch_accuracies")));
        return s;
    }

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
