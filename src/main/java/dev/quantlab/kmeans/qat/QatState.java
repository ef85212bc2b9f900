package dev.quantlab.kmeans.qat;

import dev.quantlab.train.Checkpoint;
import dev.quantlab.train.StateFields;
import java.util.ArrayList;
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

    private static final StateFields<QatState> FIELDS = new StateFields<QatState>()
            .add("accuracy_before", s -> s.accuracyBefore, (s, v) -> s.accuracyBefore = Double.parseDouble(v))
            .add("accuracy_after_bn", s -> s.accuracyAfterBn, (s, v) -> s.accuracyAfterBn = Double.parseDouble(v))
            .add("start", s -> s.start, (s, v) -> s.start = Double.parseDouble(v))
            .add("kmeans_seconds", s -> s.kmeansSeconds, (s, v) -> s.kmeansSeconds = Double.parseDouble(v))
            .add("epoch", s -> s.epoch, (s, v) -> s.epoch = Integer.parseInt(v))
            .add("step", s -> s.step, (s, v) -> s.step = Integer.parseInt(v))
            .add("global_step", s -> s.global, (s, v) -> s.global = Long.parseLong(v))
            .add("loss_sum", s -> s.lossSum, (s, v) -> s.lossSum = Double.parseDouble(v))
            .add("correct", s -> s.correct, (s, v) -> s.correct = Long.parseLong(v))
            .add("epoch_seconds", s -> s.epochSeconds, (s, v) -> s.epochSeconds = Double.parseDouble(v))
            .add("qat_seconds", s -> s.qatSeconds, (s, v) -> s.qatSeconds = Double.parseDouble(v))
            .add("best", s -> s.best, (s, v) -> s.best = Double.parseDouble(v))
            .add("done", s -> s.done, (s, v) -> s.done = Boolean.parseBoolean(v))
            .add("epoch_accuracies", QatState::epochAccuraciesText,
                    (s, v) -> s.epochAccuracies.addAll(parseAccuracies(v)));

    /** The state as the key/values of a {@link Checkpoint}. */
    Map<String, String> toFields() {
        return FIELDS.write(this);
    }

    static QatState fromFields(Checkpoint.Contents c) {
        return FIELDS.read(c, new QatState());
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
