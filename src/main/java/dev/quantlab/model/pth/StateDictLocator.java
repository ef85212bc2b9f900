package dev.quantlab.model.pth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the state dict in an unpickled checkpoint: the top-level dict itself when it holds only
 * tensors, else its {@code state_dict}, {@code model_state_dict} or {@code model} entry. Strips a
 * {@code module.} prefix (left by {@code DataParallel}) when every name has it.
 */
final class StateDictLocator {
    static final List<String> WRAPPER_KEYS = List.of("state_dict", "model_state_dict", "model");
    private static final String PARALLEL_PREFIX = "module.";

    private StateDictLocator() { }

    static Map<String, TensorRef> locate(Object root) {
        if (!(root instanceof Map)) {
            throw CheckpointException.damaged("it holds " + PickleValues.describe(root)
                    + ", not a dict of tensors (a state dict)");
        }
        Map<?, ?> top = (Map<?, ?>) root;
        Map<String, TensorRef> tensors = asTensorDict(top);
        if (tensors == null) {
            for (String key : WRAPPER_KEYS) {
                if (top.get(key) instanceof Map) {
                    tensors = asTensorDict((Map<?, ?>) top.get(key));
                    if (tensors != null) {
                        break;
                    }
                }
            }
        }
        if (tensors == null) {
            throw CheckpointException.damaged("it holds no state dict: expected a dict of tensors or a dict with "
                    + "'state_dict' holding one; its top-level keys are " + keyList(top));
        }
        return stripParallelPrefix(tensors);
    }

    /** The dict as name to tensor, or null unless it is non-empty with string keys and tensor values. */
    private static Map<String, TensorRef> asTensorDict(Map<?, ?> dict) {
        if (dict.isEmpty()) {
            return null;
        }
        Map<String, TensorRef> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : dict.entrySet()) {
            if (!(e.getKey() instanceof String) || !(e.getValue() instanceof TensorRef)) {
                return null;
            }
            out.put((String) e.getKey(), (TensorRef) e.getValue());
        }
        return out;
    }

    private static Map<String, TensorRef> stripParallelPrefix(Map<String, TensorRef> tensors) {
        for (String name : tensors.keySet()) {
            if (!name.startsWith(PARALLEL_PREFIX)) {
                return tensors;
            }
        }
        Map<String, TensorRef> out = new LinkedHashMap<>();
        tensors.forEach((k, v) -> out.put(k.substring(PARALLEL_PREFIX.length()), v));
        return out;
    }

    private static String keyList(Map<?, ?> dict) {
        List<String> keys = new ArrayList<>();
        for (Object k : dict.keySet()) {
            if (keys.size() == 10) {
                keys.add("...");
                break;
            }
            keys.add(PickleValues.describe(k));
        }
        return keys.toString();
    }
}
