package dev.quantlab.results;

import java.util.Arrays;
import java.util.Optional;

/** How a recorded model was made. The id is what the results file stores. */
public enum Method {
    FP32("fp32"),
    KMEANS("kmeans"),
    /** K-means, then BatchNorm running statistics re-estimated on training images (no fine-tuning). */
    KMEANS_BN("kmeans+bn"),
    KMEANS_QAT("kmeans+qat"),
    LINEAR("linear"),
    INTEGER("integer");

    private final String id;

    Method(String id) {
        this.id = id;
    }

    /**
     * The stored name: {@code fp32}, {@code kmeans}, {@code kmeans+bn}, {@code kmeans+qat}, {@code linear} or
     * {@code integer}.
     */
    public String id() {
        return id;
    }

    public static Optional<Method> fromId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
