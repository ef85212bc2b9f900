package dev.quantlab.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/** An ordered map from PyTorch-style parameter names to host tensors. */
public final class StateDict {
    private final Map<String, TensorData> tensors = new LinkedHashMap<>();

    public StateDict put(String name, TensorData tensor) {
        tensors.put(name, tensor);
        return this;
    }

    public TensorData get(String name) {
        TensorData t = tensors.get(name);
        if (t == null) {
            throw new NoSuchElementException("no tensor named " + name);
        }
        return t;
    }

    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    public Map<String, TensorData> asMap() {
        return Collections.unmodifiableMap(tensors);
    }

    public int size() {
        return tensors.size();
    }

    /** A deep copy: experiments quantize a copy, never the baseline. */
    public StateDict copy() {
        StateDict c = new StateDict();
        tensors.forEach((k, v) -> c.put(k, v.copy()));
        return c;
    }
}
