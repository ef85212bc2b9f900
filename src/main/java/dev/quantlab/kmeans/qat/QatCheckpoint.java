package dev.quantlab.kmeans.qat;

import ai.djl.ndarray.NDArray;
import dev.quantlab.core.UserFacingException;
import dev.quantlab.model.SafetensorsFile;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.TensorData;
import dev.quantlab.train.Checkpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The resumable state of one QAT run in a folder: {@code last.safetensors} holds the network's tensors, the
 * momentum buffers ({@code optimizer.momentum.*}), the codebooks ({@code qat.centroids.*}) and centroid
 * velocities ({@code qat.velocity.*}) with the {@link QatState} as metadata; {@code best.safetensors} holds the
 * best weights so far. Both are written atomically. A checkpoint records the run's settings; resuming with
 * other settings or another fp32 model is refused with a message that says so.
 */
final class QatCheckpoint {
    static final String LAST = "last.safetensors";
    static final String BEST = "best.safetensors";
    private static final String KIND = "qat-checkpoint";
    private static final String MOMENTUM = Checkpoint.MOMENTUM_PREFIX;
    private static final String CENTROIDS = "qat.centroids.";
    private static final String VELOCITY = "qat.velocity.";

    private final Path dir;
    private final String settings;

    /** A checkpoint folder for a run with {@code settings} (a description of everything that shapes the run). */
    QatCheckpoint(Path dir, String settings) {
        this.dir = dir;
        this.settings = settings;
    }

    Path folder() {
        return dir;
    }

    /** What a checkpoint restores. */
    record Loaded(StateDict weights, StateDict momentum, Map<String, float[]> centroids,
                  Map<String, float[]> velocity, QatState state) { }

    void save(StateDict weights, Map<String, NDArray> momentum, Map<String, float[]> centroids,
              Map<String, float[]> velocity, QatState s) {
        StateDict sd = new StateDict();
        weights.asMap().forEach(sd::put);
        Checkpoint.momentum(momentum).asMap().forEach((k, v) -> sd.put(MOMENTUM + k, v));
        centroids.forEach((k, c) -> sd.put(CENTROIDS + k, TensorData.of(c.clone(), c.length)));
        velocity.forEach((k, v) -> sd.put(VELOCITY + k, TensorData.of(v.clone(), v.length)));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("quantlab.kind", KIND);
        meta.put("settings", settings);
        meta.put("accuracy_before", Double.toString(s.accuracyBefore));
        meta.put("accuracy_after_bn", Double.toString(s.accuracyAfterBn));
        meta.put("start", Double.toString(s.start));
        meta.put("kmeans_seconds", Double.toString(s.kmeansSeconds));
        meta.put("epoch", Integer.toString(s.epoch));
        meta.put("step", Integer.toString(s.step));
        meta.put("global_step", Long.toString(s.global));
        meta.put("loss_sum", Double.toString(s.lossSum));
        meta.put("correct", Long.toString(s.correct));
        meta.put("epoch_seconds", Double.toString(s.epochSeconds));
        meta.put("qat_seconds", Double.toString(s.qatSeconds));
        meta.put("best", Double.toString(s.best));
        meta.put("done", Boolean.toString(s.done));
        meta.put("epoch_accuracies", s.epochAccuraciesText());
        write(dir.resolve(LAST), sd, meta);
    }

    void saveBest(StateDict weights) {
        write(dir.resolve(BEST), weights, Map.of("quantlab.kind", "kmeans-qat-best", "settings", settings));
    }

    StateDict loadBest() {
        return SafetensorsFile.read(dir.resolve(BEST)).tensors();
    }

    /** The saved state, if this folder has one; refuses one made with other settings. */
    Optional<Loaded> load() {
        Path last = dir.resolve(LAST);
        if (!Files.exists(last)) {
            return Optional.empty();
        }
        SafetensorsFile.Contents c = SafetensorsFile.read(last);
        Map<String, String> m = c.metadata();
        if (!KIND.equals(m.get("quantlab.kind"))) {
            throw new UserFacingException(last + " is not a QAT checkpoint");
        }
        if (!settings.equals(m.get("settings"))) {
            throw new UserFacingException("the QAT checkpoint in " + dir + " was made with other settings or another "
                    + "fp32 model:\n  saved: " + m.get("settings") + "\n  now:   " + settings
                    + "\nRun with the same options, or choose another --checkpoint-dir (or delete that folder) to "
                    + "start over.");
        }
        StateDict weights = new StateDict();
        StateDict momentum = new StateDict();
        Map<String, float[]> centroids = new LinkedHashMap<>();
        Map<String, float[]> velocity = new LinkedHashMap<>();
        c.tensors().asMap().forEach((k, v) -> {
            if (k.startsWith(MOMENTUM)) {
                momentum.put(k.substring(MOMENTUM.length()), v);
            } else if (k.startsWith(CENTROIDS)) {
                centroids.put(k.substring(CENTROIDS.length()), v.values());
            } else if (k.startsWith(VELOCITY)) {
                velocity.put(k.substring(VELOCITY.length()), v.values());
            } else {
                weights.put(k, v);
            }
        });
        QatState s = new QatState();
        s.accuracyBefore = Double.parseDouble(m.get("accuracy_before"));
        s.accuracyAfterBn = Double.parseDouble(m.get("accuracy_after_bn"));
        s.start = Double.parseDouble(m.get("start"));
        s.kmeansSeconds = Double.parseDouble(m.get("kmeans_seconds"));
        s.epoch = Integer.parseInt(m.get("epoch"));
        s.step = Integer.parseInt(m.get("step"));
        s.global = Long.parseLong(m.get("global_step"));
        s.lossSum = Double.parseDouble(m.get("loss_sum"));
        s.correct = Long.parseLong(m.get("correct"));
        s.epochSeconds = Double.parseDouble(m.get("epoch_seconds"));
        s.qatSeconds = Double.parseDouble(m.get("qat_seconds"));
        s.best = Double.parseDouble(m.get("best"));
        s.done = Boolean.parseBoolean(m.get("done"));
        s.epochAccuracies.addAll(QatState.parseAccuracies(m.get("epoch_accuracies")));
        return Optional.of(new Loaded(weights, momentum, centroids, velocity, s));
    }

    private static void write(Path file, StateDict sd, Map<String, String> meta) {
        try {
            Files.createDirectories(file.getParent());
            SafetensorsFile.write(file, sd, meta, TensorData.DType.F32);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the QAT checkpoint " + file + ": " + e.getMessage(), e);
        }
    }
}
