package dev.quantlab.kmeans.qat;

import ai.djl.ndarray.NDArray;
import dev.quantlab.kmeans.CentroidUpdate;
import dev.quantlab.kmeans.CodebookStep;
import dev.quantlab.kmeans.LayerQuantization;
import dev.quantlab.kmeans.QuantizedModel;
import dev.quantlab.model.VggNet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The codebooks QAT moves, per quantized layer: the fixed labels, the current centroids and (gradient rule) the
 * centroids' momentum, with the two centroid update rules.
 */
final class Codebooks {
    private final Map<String, int[]> labels;
    private final Map<String, float[]> centroids;
    private final Map<String, float[]> velocity;

    Codebooks(Map<String, int[]> labels, Map<String, float[]> centroids, Map<String, float[]> velocity) {
        this.labels = labels;
        this.centroids = new LinkedHashMap<>(centroids);
        this.velocity = velocity;
    }

    /** The k-means model's codebooks, velocities zero. */
    static Codebooks of(QuantizedModel q, UpdateRule rule) {
        Map<String, int[]> labels = new LinkedHashMap<>();
        Map<String, float[]> centroids = new LinkedHashMap<>();
        Map<String, float[]> velocity = new LinkedHashMap<>();
        for (LayerQuantization l : q.layers()) {
            labels.put(l.layer(), l.codebook().labels().unpack());
            centroids.put(l.layer(), l.codebook().centroids().clone());
            if (rule == UpdateRule.GRADIENT) {
                velocity.put(l.layer(), new float[l.codebook().centroids().length]);
            }
        }
        return new Codebooks(labels, centroids, velocity);
    }

    /** Saved centroids and velocities on the k-means model's labels. */
    Codebooks restored(Map<String, float[]> savedCentroids, Map<String, float[]> savedVelocity) {
        return new Codebooks(labels, savedCentroids, savedVelocity);
    }

    /** The quantized layers' names. */
    Set<String> layers() {
        return labels.keySet();
    }

    /** Current centroids by layer (live view: do not modify). */
    Map<String, float[]> centroids() {
        return centroids;
    }

    /** Centroid momentum by layer (gradient rule; empty for the mean rule). */
    Map<String, float[]> velocity() {
        return velocity;
    }

    /** The lesson's rule: centroid = mean of its (updated) weights, then weights rewritten from the codebook. */
    void applyMeanRule(VggNet net) {
        for (Map.Entry<String, int[]> e : labels.entrySet()) {
            String name = e.getKey();
            float[] w = net.array(name).toFloatArray();
            CodebookStep cs = CentroidUpdate.meanRule(w, e.getValue(), centroids.get(name));
            centroids.put(name, cs.centroids());
            net.setValues(name, cs.weights());
        }
    }

    /** The true gradient: dL/dC_k summed over the cluster, SGD with momentum on the centroids, weights decoded. */
    void applyGradientRule(VggNet net, double momentum, double lr) {
        for (Map.Entry<String, int[]> e : labels.entrySet()) {
            String name = e.getKey();
            float[] grad;
            try (NDArray g = net.array(name).getGradient()) {
                grad = g.toFloatArray();
                g.subi(g);
            }
            float[] c = centroids.get(name);
            float[] cg = CentroidUpdate.centroidGradient(grad, e.getValue(), c.length);
            float[] v = velocity.get(name);
            float[] next = c.clone();
            for (int k = 0; k < c.length; k++) {
                v[k] = (float) (momentum * v[k] + cg[k]);
                next[k] = (float) (c[k] - lr * v[k]);
            }
            centroids.put(name, next);
            net.setValues(name, CentroidUpdate.decode(next, e.getValue()));
        }
    }
}
