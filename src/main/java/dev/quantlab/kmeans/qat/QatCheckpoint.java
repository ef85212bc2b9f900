package dev.quantlab.kmeans.qat;

import ai.djl.ndarray.NDArray;
import dev.quantlab.core.UserFacingException;
import dev.quantlab.model.SafetensorsFile;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.TensorData;
import dev.quantlab.train.Checkpoint;
import dev.quantlab.train.RunFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The resumable state of one QAT run in its {@link RunFolder} (locked while the run holds it), in the shared
 * {@link Checkpoint} format: {@code last.safetensors} holds the network's tensors, the momentum buffers, the
 * codebooks ({@code qat.centroids.*}) and centroid velocities ({@code qat.velocity.*}) with the {@link QatState};
 * {@code best.safetensors} holds the best weights so far. Both are written atomically, every {@code everySteps}
 * steps and after each epoch. A checkpoint records the run's settings; resuming with other settings or another
 * fp32 model is refused with a message that says so.
 */
final class QatCheckpoint implements AutoCloseable {
    static final String LAST = "last.safetensors";
    static final String BEST = "best.safetensors";
    private static final String KIND = "qat-checkpoint";
    private static final String CENTROIDS = "qat.centroids.";
    private static final String VELOCITY = "qat.velocity.";

    private final RunFolder folder;
    private final String settings;
    private final int everySteps;

    private QatCheckpoint(RunFolder folder, String settings, int everySteps) {
        this.folder = folder;
        this.settings = settings;
        this.everySteps = everySteps;
    }

    /**
     * Opens (and locks) the checkpoint folder {@code dir} of a run with {@code settings} (a description of everything
     * that shapes the run), removing temporary files a killed save left.
     */
    static QatCheckpoint open(Path dir, String settings, int everySteps) {
        return new QatCheckpoint(RunFolder.open(dir, Set.of(LAST, BEST)), settings, everySteps);
    }

    Path folder() {
        return folder.dir();
    }

    /** Whether the run saves after {@code step} (not the epoch's last: the epoch's end saves then). */
    boolean dueAfter(int step, int stepsInEpoch) {
        return step < stepsInEpoch && step % everySteps == 0;
    }

    /** What a checkpoint restores. */
    record Loaded(StateDict weights, StateDict momentum, Map<String, float[]> centroids,
                  Map<String, float[]> velocity, QatState state) { }

    void save(StateDict weights, Map<String, NDArray> momentum, Codebooks books, QatState s) {
        Map<String, StateDict> groups = new LinkedHashMap<>();
        groups.put(CENTROIDS, vectors(books.centroids()));
        groups.put(VELOCITY, vectors(books.velocity()));
        try {
            Checkpoint.write(folder.resolve(LAST), new Checkpoint.Contents(KIND, settings, weights,
                    Checkpoint.momentum(momentum), groups, s.toFields()), TensorData.DType.F32);
        } catch (IOException e) {
            throw cannotWrite(LAST, e);
        }
    }

    private static StateDict vectors(Map<String, float[]> byLayer) {
        StateDict sd = new StateDict();
        byLayer.forEach((k, v) -> sd.put(k, TensorData.of(v.clone(), v.length)));
        return sd;
    }

    void saveBest(StateDict weights) {
        try {
            SafetensorsFile.write(folder.resolve(BEST), weights, Map.of(Checkpoint.KIND_KEY, "kmeans-qat-best",
                    Checkpoint.CONFIG_KEY, settings), TensorData.DType.F32);
        } catch (IOException e) {
            throw cannotWrite(BEST, e);
        }
    }

    private UncheckedIOException cannotWrite(String file, IOException e) {
        return new UncheckedIOException("cannot write the QAT checkpoint " + folder.resolve(file) + ": "
                + e.getMessage(), e);
    }

    StateDict loadBest() {
        return SafetensorsFile.read(folder.resolve(BEST)).tensors();
    }

    /** The saved state, if this folder has one; refuses one made with other settings. */
    Optional<Loaded> load() {
        Path last = folder.resolve(LAST);
        if (!Files.exists(last)) {
            return Optional.empty();
        }
        Checkpoint.Contents c = Checkpoint.read(last, List.of(CENTROIDS, VELOCITY));
        if (!KIND.equals(c.kind())) {
            throw new UserFacingException(last + " is not a QAT checkpoint");
        }
        if (!settings.equals(c.config())) {
            throw new UserFacingException("the QAT checkpoint in " + folder() + " was made with other settings or "
                    + "another fp32 model:\n  saved: " + c.config() + "\n  now:   " + settings
                    + "\nRun with the same options, or choose another --checkpoint-dir (or delete that folder) to "
                    + "start over.");
        }
        return Optional.of(new Loaded(c.weights(), c.momentum(), vectors(c.groups().get(CENTROIDS)),
                vectors(c.groups().get(VELOCITY)), QatState.fromFields(c)));
    }

    private static Map<String, float[]> vectors(StateDict sd) {
        Map<String, float[]> out = new LinkedHashMap<>();
        sd.asMap().forEach((k, v) -> out.put(k, v.values()));
        return out;
    }

    @Override
    public void close() {
        folder.close();
    }
}
