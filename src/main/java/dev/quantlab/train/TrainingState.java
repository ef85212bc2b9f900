package dev.quantlab.train;

import java.util.ArrayList;
import java.util.List;

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
