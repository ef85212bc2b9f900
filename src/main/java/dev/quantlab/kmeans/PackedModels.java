package dev.quantlab.kmeans;

import dev.quantlab.core.UserFacingException;
import dev.quantlab.model.PackedModelFile;
import dev.quantlab.model.PackedTensor;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.TensorData;
import dev.quantlab.model.VggArchitecture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns a weight-shared model into the contents of a {@link PackedModelFile}: each weight matrix becomes its
 * distinct values (the codebook, ascending) plus one packed index per weight, so decoding gives back the very
 * same float bits. Works for any weights with at most {@code 2^bits} distinct values per matrix: straight after
 * k-means, after BN re-estimation and after QAT (whose centroids moved but stayed shared).
 */
public final class PackedModels {
    private PackedModels() { }

    /**
     * Packs {@code weights}, each weight matrix at the bits {@code plan} gives it.
     *
     * @throws UserFacingException if a weight matrix has more distinct values than its bits can index
     */
    public static PackedModelFile.Contents pack(StateDict weights, BitWidthPlan plan, Map<String, String> metadata) {
        VggArchitecture arch = VggArchitecture.cifarVgg();
        List<PackedTensor> packed = new ArrayList<>();
        StateDict rest = new StateDict();
        for (VggArchitecture.TensorSpec spec : arch.tensors()) {
            TensorData t = weights.get(spec.name());
            if (spec.kind().isWeightMatrix()) {
                packed.add(packTensor(spec.name(), t, plan.bitsFor(spec)));
            } else {
                rest.put(spec.name(), t);
            }
        }
        return new PackedModelFile.Contents(packed, rest, metadata);
    }

    /** One tensor as codebook (its distinct values, ascending by {@link Float#compare}) plus packed indices. */
    static PackedTensor packTensor(String name, TensorData t, int bits) {
        float[] values = t.values();
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        int k = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (k == 0 || Float.compare(sorted[k - 1], sorted[i]) != 0) {
                sorted[k++] = sorted[i];
            }
        }
        if (k > BitWidth.centroidCount(bits)) {
            throw new UserFacingException(name + " has " + k + " distinct values, more than " + bits
                    + " bits can index: is it weight-shared at " + bits + " bits?");
        }
        float[] book = Arrays.copyOf(sorted, k);
        int[] labels = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            labels[i] = Arrays.binarySearch(book, values[i]);
        }
        return new PackedTensor(name, t.shape(), bits, book, PackedLabels.pack(labels, bits).toByteArray());
    }
}
