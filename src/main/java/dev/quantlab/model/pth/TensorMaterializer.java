package dev.quantlab.model.pth;

import dev.quantlab.model.TensorData;
import dev.quantlab.model.TensorData.DType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@link TensorRef}s into {@link TensorData}: checks every view stays inside its storage and
 * that the total fits a memory budget, then copies elements by walking the strides, one storage
 * at a time.
 */
final class TensorMaterializer {
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private TensorMaterializer() { }

    /**
     * @param elementBudget the most float elements all tensors together may need; a hostile file
     *                      could otherwise view one storage many times over
     */
    static Map<String, TensorData> materialize(Map<String, TensorRef> refs, StorageSource source,
            long elementBudget) throws IOException {
        Map<String, List<String>> namesByStorage = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<String, TensorRef> e : refs.entrySet()) {
            long numel = checkView(e.getKey(), e.getValue());
            total += numel;
            if (total > elementBudget) {
                throw CheckpointException.damaged("its tensors would need " + total + "+ elements, far more than "
                        + "the file's size justifies; it is damaged or hostile");
            }
            namesByStorage.computeIfAbsent(e.getValue().storage().key(), k -> new ArrayList<>()).add(e.getKey());
        }
        Map<String, TensorData> done = new LinkedHashMap<>();
        source.read(namesByStorage.keySet(), (key, data) -> {
            for (String name : namesByStorage.getOrDefault(key, List.of())) {
                done.put(name, copy(refs.get(name), data));
            }
        });
        Map<String, TensorData> ordered = new LinkedHashMap<>();
        for (String name : refs.keySet()) {
            TensorData t = done.get(name);
            if (t == null) {
                throw CheckpointException.damaged("the data of tensor '" + name + "' (storage '"
                        + refs.get(name).storage().key() + "') is missing");
            }
            ordered.put(name, t);
        }
        return ordered;
    }

    /** Checks sizes, strides and bounds; returns the number of elements. */
    static long checkView(String name, TensorRef ref) {
        StorageRef s = ref.storage();
        try {
            long numel = 1;
            long last = ref.offset();
            if (ref.offset() < 0) {
                throw CheckpointException.damaged("tensor '" + name + "' has a negative storage offset");
            }
            for (int d = 0; d < ref.size().length; d++) {
                if (ref.size()[d] < 0 || ref.stride()[d] < 0) {
                    throw CheckpointException.damaged("tensor '" + name + "' has a negative size or stride");
                }
                numel = Math.multiplyExact(numel, ref.size()[d]);
                if (ref.size()[d] > 0) {
                    last = Math.addExact(last, Math.multiplyExact(ref.size()[d] - 1, ref.stride()[d]));
                }
            }
            if (numel > MAX_ELEMENTS) {
                throw CheckpointException.damaged("tensor '" + name + "' has " + numel
                        + " elements, more than QuantLab can hold in one tensor");
            }
            if (numel > 0 && last >= s.numel()) {
                throw CheckpointException.damaged("tensor '" + name + "' reaches element " + last + " of storage '"
                        + s.key() + "', which has only " + s.numel());
            }
            return numel;
        } catch (ArithmeticException e) {
            throw CheckpointException.damaged("tensor '" + name + "' has impossibly large sizes or strides");
        }
    }

    private static TensorData copy(TensorRef ref, ByteBuffer data) {
        long[] size = ref.size();
        long[] stride = ref.stride();
        StorageType type = ref.storage().type();
        int n = (int) checkView("", ref);
        float[] values = new float[n];
        int rank = size.length;
        long[] index = new long[rank];
        long pos = ref.storage().base() + ref.offset();
        for (int i = 0; i < n; i++) {
            values[i] = type.readFloat(data, (int) pos);
            for (int d = rank - 1; d >= 0; d--) {
                index[d]++;
                pos += stride[d];
                if (index[d] < size[d]) {
                    break;
                }
                pos -= stride[d] * size[d];
                index[d] = 0;
            }
        }
        long longValue = 0;
        if (type.dtype() == DType.I64 && n == 1) {
            longValue = type.readLong(data, (int) (ref.storage().base() + ref.offset()));
        }
        return new TensorData(size.clone(), type.dtype(), values, longValue);
    }
}
