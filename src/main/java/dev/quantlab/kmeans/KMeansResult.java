package dev.quantlab.kmeans;

import java.util.Arrays;
import java.util.Locale;

/**
 * A 1-D k-means clustering of one tensor.
 *
 * <p>{@code centroids} are ascending and distinct; their number is {@code min(2^bits, number of
 * distinct values)}, so a tensor with fewer distinct values than the codebook capacity gets a shorter
 * codebook (and is then reproduced exactly). Every centroid is the mean of the values labelled with
 * it. {@code labels[i]} is the centroid index of value {@code i} in the tensor's original order.
 * The arrays are owned by this result (no defensive copies, tensors are large): do not modify them.
 *
 * @param centroids  the codebook, ascending
 * @param labels     centroid index per value, original order
 * @param mse        mean squared error between the values and their centroids
 * @param iterations Lloyd iterations run (0 for the exact solver)
 * @param converged  whether the labels stopped changing (always true for the exact solver)
 * @param method     a short description of how this result was found, for display
 */
public record KMeansResult(float[] centroids, int[] labels, double mse, int iterations, boolean converged,
                           String method) {

    /** Number of centroids actually used. */
    public int k() {
        return centroids.length;
    }

    /** The quantized tensor: every value replaced by its centroid, original order (a new array). */
    public float[] quantized() {
        float[] out = new float[labels.length];
        quantizedInto(out);
        return out;
    }

    /** Writes the quantized tensor into {@code out}, which must have one slot per value. */
    public void quantizedInto(float[] out) {
        if (out.length != labels.length) {
            throw new IllegalArgumentException("need " + labels.length + " slots, got " + out.length);
        }
        for (int i = 0; i < labels.length; i++) {
            out[i] = centroids[labels[i]];
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KMeansResult r && Arrays.equals(centroids, r.centroids) && Arrays.equals(labels, r.labels)
                && Double.compare(mse, r.mse) == 0 && iterations == r.iterations && converged == r.converged
                && method.equals(r.method);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(centroids) + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "KMeansResult[%s, k=%d, n=%d, mse=%.6g, iterations=%d%s]", method,
                centroids.length, labels.length, mse, iterations, converged ? "" : " (not converged)");
    }
}
