package dev.quantlab.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    /** The state as the key/values of a {@link Checkpoint}. */
    Map<String, String> toFields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("epoch", Integer.toString(epoch));
        m.put("step_in_epoch", Integer.toString(stepInEpoch));
        m.put("global_step", Long.toString(globalStep));
        m.put("loss_sum", Double.toString(lossSum));
        m.put("correct", Long.toString(correct));
        m.put("seen", Long.toString(seen));
        m.put("epoch_seconds", Double.toString(epochSeconds));
        m.put("wall_seconds", Double.toString(wallSeconds));
        m.put("history", historyCsv());
        return m;
    }

    static TrainingState fromFields(Checkpoint.Contents c) {
        TrainingState s = new TrainingState();
        s.epoch = Integer.parseInt(c.field("epoch"));
        s.stepInEpoch = Integer.parseInt(c.field("step_in_epoch"));
        s.globalStep = Long.parseLong(c.field("global_step"));
        s.lossSum = Double.parseDouble(c.field("loss_sum"));
        s.correct = Long.parseLong(c.field("correct"));
        s.seen = Long.parseLong(c.field("seen"));
        s.epochSeconds = Double.parseDouble(c.field("epoch_seconds"));
        s.wallSeconds = Double.parseDouble(c.field("wall_seconds"));
        s.history.addAll(parseHistory(c.field("history")));
        return s;
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
