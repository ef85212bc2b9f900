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
import java.util.Map;

/**
 * A resumable training checkpoint in one safetensors file: the model's tensors under their reference names,
 * momentum buffers under {@code optimizer.momentum.<name>}, and the {@link TrainingState} as metadata.
 * Written atomically. The model loader accepts it as a weights file (it ignores the optimizer entries).
 */
public final class Checkpoint {
    public static final String MOMENTUM_PREFIX = "optimizer.momentum.";
    public static final String KIND_KEY = "quantlab.kind";
    public static final String KIND = "training-checkpoint";

    private Checkpoint() { }

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

    /** Writes weights, momentum buffers (may be empty) and state; {@code floatType} F16 halves the size. */
    public static void save(Path file, StateDict weights, StateDict momentum, TrainingState state, String config,
            TensorData.DType floatType) throws IOException {
        StateDict sd = new StateDict();
        weights.asMap().forEach(sd::put);
        momentum.asMap().forEach((k, v) -> sd.put(MOMENTUM_PREFIX + k, v));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(KIND_KEY, KIND);
        meta.put("config", config);
        meta.put("epoch", Integer.toString(state.epoch));
        meta.put("step_in_epoch", Integer.toString(state.stepInEpoch));
        meta.put("global_step", Long.toString(state.globalStep));
        meta.put("loss_sum", Double.toString(state.lossSum));
        meta.put("correct", Long.toString(state.correct));
        meta.put("seen", Long.toString(state.seen));
        meta.put("epoch_seconds", Double.toString(state.epochSeconds));
        meta.put("wall_seconds", Double.toString(state.wallSeconds));
        meta.put("history", state.historyCsv());
        SafetensorsFile.write(file, sd, meta, floatType);
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

    /** Loaded checkpoint: model weights, momentum buffers and state. */
    public record Loaded(StateDict weights, StateDict momentum, TrainingState state, String config) { }

    public static Loaded load(Path file) {
        SafetensorsFile.Contents c = SafetensorsFile.read(file);
        StateDict weights = new StateDict();
        StateDict momentum = new StateDict();
        c.tensors().asMap().forEach((k, v) -> {
            if (k.startsWith(MOMENTUM_PREFIX)) {
                momentum.put(k.substring(MOMENTUM_PREFIX.length()), v);
            } else {
                weights.put(k, v);
            }
        });
        Map<String, String> m = c.metadata();
        TrainingState s = new TrainingState();
        if (KIND.equals(m.get(KIND_KEY))) {
            try {
                readState(m, s);
            } catch (RuntimeException e) {
                throw new UserFacingException("Training checkpoint " + file + " has damaged training state ("
                        + e.getClass().getSimpleName() + ": " + e.getMessage() + "); restore a copy, or move it away "
                        + "to start the run over", e);
            }
        }
        return new Loaded(weights, momentum, s, m.getOrDefault("config", ""));
    }

    private static void readState(Map<String, String> m, TrainingState s) {
        s.epoch = Integer.parseInt(m.get("epoch"));
        s.stepInEpoch = Integer.parseInt(m.get("step_in_epoch"));
        s.globalStep = Long.parseLong(m.get("global_step"));
        s.lossSum = Double.parseDouble(m.get("loss_sum"));
        s.correct = Long.parseLong(m.get("correct"));
        s.seen = Long.parseLong(m.get("seen"));
        s.epochSeconds = Double.parseDouble(m.get("epoch_seconds"));
        s.wallSeconds = Double.parseDouble(m.get("wall_seconds"));
        s.history.addAll(TrainingState.parseHistory(java.util.Objects.requireNonNull(m.get("history"),
                "no history")));
    }
}
