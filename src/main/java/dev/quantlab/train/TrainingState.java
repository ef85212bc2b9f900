package dev.quantlab.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a training run stands: the next (epoch, step) to run, running sums of the current epoch and the
 * finished epochs' results. Saved with every checkpoint so a resumed run continues exactly.
 */
public final class TrainingState {
    int epoch;
    int stepInEpoch;
    long globalStep;
    double lossSum;
    long correct;
    long seen;
    double epochSeconds;
    double wallSeconds;
    final List<EpochResult> history = new ArrayList<>();

    public int epoch() {
        return epoch;
    }

    public int stepInEpoch() {
        return stepInEpoch;
    }

    public long globalStep() {
        return globalStep;
    }

    public List<EpochResult> history() {
        return history;
    }

    private static final StateFields<TrainingState> FIELDS = new StateFields<TrainingState>()
            .add("epoch", s -> s.epoch, (s, v) -> s.epoch = Integer.parseInt(v))
            .add("step_in_epoch", s -> s.stepInEpoch, (s, v) -> s.stepInEpoch = Integer.parseInt(v))
            .add("global_step", s -> s.globalStep, (s, v) -> s.globalStep = Long.parseLong(v))
            .add("loss_sum", s -> s.lossSum, (s, v) -> s.lossSum = Double.parseDouble(v))
            .add("correct", s -> s.correct, (s, v) -> s.correct = Long.parseLong(v))
            .add("seen", s -> s.seen, (s, v) -> s.seen = Long.parseLong(v))
            .add("epoch_seconds", s -> s.epochSeconds, (s, v) -> s.epochSeconds = Double.parseDouble(v))
            .add("wall_seconds", s -> s.wallSeconds, (s, v) -> s.wallSeconds = Double.parseDouble(v))
            .add("history", TrainingState::historyCsv, (s, v) -> s.history.addAll(parseHistory(v)));

    /** The state as the key/values of a {@link Checkpoint}. */
    Map<String, String> toFields() {
        return FIELDS.write(this);
    }

    static TrainingState fromFields(Checkpoint.Contents c) {
        return FIELDS.read(c, new TrainingState());
    }

    String historyCsv() {
        StringBuilder sb = new StringBuilder(EpochResult.CSV_HEADER).append('\n');
        history.forEach(h -> sb.append(h.toCsv()).append('\n'));
        return sb.toString();
    }

    static List<EpochResult> parseHistory(String csv) {
        List<EpochResult> out = new ArrayList<>();
        for (String line : csv.split("\n")) {
            if (line.isBlank() || line.startsWith("epoch")) {
                continue;
            }
            String[] f = line.split(",");
            out.add(new EpochResult(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                    Double.parseDouble(f[6]), Double.parseDouble(f[7])));
        }
        return out;
    }
}
