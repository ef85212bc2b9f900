package dev.quantlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import dev.quantlab.core.UserFacingException;
import dev.quantlab.model.SafetensorsFile;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.StateDictCheck;
import dev.quantlab.model.TensorData;
import dev.quantlab.model.VggArchitecture;
import dev.quantlab.model.VggNet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one resumable-checkpoint format of QuantLab, used by training ({@link Trainer}) and k-means QAT: a
 * safetensors file with the model's tensors under their reference names, the optimizer's momentum buffers under
 * {@code optimizer.momentum.<name>}, further tensor groups under their own prefixes (QAT's codebooks), and as
 * metadata {@code quantlab.kind}, {@code config} (everything that shapes the run: a run is only resumed with the
 * same) and the run's state as flat key/values. Written atomically. The model loader accepts it as a weights file
 * (it ignores the other entries). Files written before this format was shared read the same way; QAT files of
 * then named their config {@code settings}, which is still read.
 */
public final class Checkpoint {
    public static final String MOMENTUM_PREFIX = "optimizer.momentum.";
    public static final String KIND_KEY = "quantlab.kind";
    public static final String CONFIG_KEY = "config";
    /** The kind of a training run's checkpoint. */
    public static final String KIND = "training-checkpoint";
    private static final String OLD_QAT_CONFIG_KEY = "settings";

    private Checkpoint() { }

    /**
     * What one checkpoint file holds. {@code groups}: extra tensors by prefix (e.g. {@code qat.centroids.}) and
     * name; {@code state}: the run's position and sums as key/values.
     */
    public record Contents(String kind, String config, StateDict weights, StateDict momentum,
                           Map<String, StateDict> groups, Map<String, String> state) {
        /** A state value that must be there. */
        public String field(String key) {
            String v = state.get(key);
            if (v == null) {
                throw new IllegalStateException("no " + key);
            }
            return v;
        }
    }

    /** Writes {@code c}; {@code floatType} F16 halves the size. */
    public static void write(Path file, Contents c, TensorData.DType floatType) throws IOException {
        StateDict sd = new StateDict();
        c.weights().asMap().forEach(sd::put);
        c.momentum().asMap().forEach((k, v) -> sd.put(MOMENTUM_PREFIX + k, v));
        c.groups().forEach((prefix, group) -> group.asMap().forEach((k, v) -> sd.put(prefix + k, v)));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(KIND_KEY, c.kind());
        meta.put(CONFIG_KEY, c.config());
        meta.putAll(c.state());
        SafetensorsFile.write(file, sd, meta, floatType);
    }

    /** Reads a checkpoint; tensors under one of {@code groupPrefixes} go to their group. */
    public static Contents read(Path file, List<String> groupPrefixes) {
        SafetensorsFile.Contents c = SafetensorsFile.read(file);
        StateDict weights = new StateDict();
        StateDict momentum = new StateDict();
        Map<String, StateDict> groups = new LinkedHashMap<>();
        groupPrefixes.forEach(p -> groups.put(p, new StateDict()));
        c.tensors().asMap().forEach((k, v) -> {
            if (k.startsWith(MOMENTUM_PREFIX)) {
                momentum.put(k.substring(MOMENTUM_PREFIX.length()), v);
                return;
            }
            for (String p : groupPrefixes) {
                if (k.startsWith(p)) {
                    groups.get(p).put(k.substring(p.length()), v);
                    return;
                }
            }
            weights.put(k, v);
        });
        Map<String, String> state = new LinkedHashMap<>(c.metadata());
        String kind = state.remove(KIND_KEY);
        String config = state.remove(CONFIG_KEY);
        if (config == null) {
            config = state.remove(OLD_QAT_CONFIG_KEY);
        }
        return new Contents(kind == null ? "" : kind, config == null ? "" : config, weights, momentum, groups,
                Map.copyOf(state));
    }

    public static void save(Path file, VggNet net, SgdOptimizer optimizer, TrainingState state, TrainConfig config,
            TensorData.DType floatType) throws IOException {
        save(file, net.toStateDict(), momentum(optimizer.buffers()), state, config.describe(), floatType);
    }

    /** Copies of an optimizer's momentum buffers by parameter name (fp32), ready to be saved. */
    public static StateDict momentum(Map<String, NDArray> buffers) {
        StateDict momentum = new StateDict();
        buffers.forEach((k, b) -> momentum.put(k,
                TensorData.of(b.toType(DataType.FLOAT32, false).toFloatArray(), b.getShape().getShape())));
        return momentum;
    }

    /** Writes a training checkpoint: weights, momentum buffers (may be empty) and state. */
    public static void save(Path file, StateDict weights, StateDict momentum, TrainingState state, String config,
            TensorData.DType floatType) throws IOException {
        write(file, new Contents(KIND, config, weights, momentum, Map.of(), state.toFields()), floatType);
    }

    /**
     * A compact copy for committing: weights in fp16 and the training state, without momentum buffers
     * (a resumed run rebuilds momentum within a few steps).
     */
    public static void compact(Path from, Path to) throws IOException {
        if (!KIND.equals(SafetensorsFile.read(from).metadata().get(KIND_KEY))) {
            throw new UserFacingException(from + " is not a training checkpoint (it has no training state): "
                    + "compact-checkpoint copies RUN/last.safetensors written by 'train'");
        }
        Loaded ck = load(from);
        StateDictCheck.requireMatches(VggArchitecture.cifarVgg(), ck.weights(), "weights in " + from);
        save(to, ck.weights(), new StateDict(), ck.state(), ck.config(), TensorData.DType.F16);
    }

    /** Loaded training checkpoint: model weights, momentum buffers and state. */
    public record Loaded(StateDict weights, StateDict momentum, TrainingState state, String config) { }

    public static Loaded load(Path file) {
        Contents c = read(file, List.of());
        TrainingState s = new TrainingState();
        if (KIND.equals(c.kind())) {
            try {
                s = TrainingState.fromFields(c);
            } catch (RuntimeException e) {
                throw new UserFacingException("Training checkpoint " + file + " has damaged training state ("
                        + e.getClass().getSimpleName() + ": " + e.getMessage() + "); restore a copy, or move it away "
                        + "to start the run over", e);
            }
        }
        return new Loaded(c.weights(), c.momentum(), s, c.config());
    }
}
