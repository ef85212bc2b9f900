package dev.quantlab.app.qat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * What the live charts show for the current run: loss per step, accuracy per epoch (x = 0 before QAT, e + 1
 * after the pipeline's epoch e, numbered as the log), the fp32 accuracy and the tracked centroids of every layer
 * (first where fine-tuning starts, then after each step). Changed in batches on the FX
 * thread; {@link #revision()} moves once per batch, and charts then add only what is new.
 */
public final class QatLiveData {
    /** An (x, y) point. */
    public record Point(double x, double y) { }

    /** The tracked centroids of one layer over the steps, from where fine-tuning starts. */
    public static final class Track {
        private final int codebookSize;
        private final List<Long> steps = new ArrayList<>();
        private final List<float[]> values = new ArrayList<>();

        Track(int codebookSize) {
            this.codebookSize = codebookSize;
        }

        /** Centroids in the layer's codebook (the chart may follow fewer). */
        public int codebookSize() {
            return codebookSize;
        }

        /** Centroids followed per step. */
        public int tracked() {
            return values.isEmpty() ? 0 : values.get(0).length;
        }

        public int size() {
            return steps.size();
        }

        public long step(int i) {
            return steps.get(i);
        }

        /** Value of tracked centroid {@code c} at the {@code i}-th record (record 0: where fine-tuning starts). */
        public float value(int i, int c) {
            return values.get(i)[c];
        }

        /** How far tracked centroid {@code c} moved from the first record to the {@code i}-th. */
        public double delta(int i, int c) {
            return (double) values.get(i)[c] - values.get(0)[c];
        }
    }

    private final List<Point> loss = new ArrayList<>();
    private final List<Point> accuracy = new ArrayList<>();
    private final Map<String, Track> tracks = new LinkedHashMap<>();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private double fp32 = Double.NaN;
    private double threshold = Double.NaN;

    /** Forgets the previous run; {@code threshold} is the new run's. */
    void reset(double newThreshold) {
        loss.clear();
        accuracy.clear();
        tracks.clear();
        fp32 = Double.NaN;
        threshold = newThreshold;
        bump();
    }

    /** Applies one event (the caller bumps the revision after a batch). */
    void apply(QatEvent e) {
        if (e instanceof QatEvent.Fp32 f) {
            fp32 = f.accuracy();
        } else if (e instanceof QatEvent.Before b) {
            accuracy.removeIf(p -> p.x() == 0);
            accuracy.add(0, new Point(0, b.accuracy()));
        } else if (e instanceof QatEvent.Step s) {
            loss.add(new Point(s.step().globalStep(), s.step().loss()));
        } else if (e instanceof QatEvent.Epoch ep) {
            accuracy.add(new Point(ep.epoch().epoch() + 1, ep.epoch().testAccuracy()));
        } else if (e instanceof QatEvent.Codebooks c) {
            c.samples().forEach((layer, v) -> {
                Track t = tracks.computeIfAbsent(layer, l -> new Track(c.sizes().getOrDefault(l, v.length)));
                t.steps.add(c.step());
                t.values.add(v);
            });
        }
    }

    void bump() {
        revision.set(revision.get() + 1);
    }

    public ReadOnlyIntegerProperty revision() {
        return revision.getReadOnlyProperty();
    }

    public List<Point> loss() {
        return Collections.unmodifiableList(loss);
    }

    public List<Point> accuracy() {
        return Collections.unmodifiableList(accuracy);
    }

    /** The fp32 accuracy, NaN until measured. */
    public double fp32() {
        return fp32;
    }

    /** The run's threshold in points, NaN before the first run. */
    public double threshold() {
        return threshold;
    }

    public Optional<Track> track(String layer) {
        return Optional.ofNullable(tracks.get(layer));
    }
}
