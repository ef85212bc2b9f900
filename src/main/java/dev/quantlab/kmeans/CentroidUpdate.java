package dev.quantlab.kmeans;

/**
 * Centroid updates for k-means quantization-aware training, as pure functions on float arrays. The
 * labels are fixed after the first clustering; only the codebook moves. Inputs are never modified.
 *
 * <ul>
 *   <li>The lesson's rule ({@link #meanRule}): after an optimizer step on the (shared) weights, each
 *       centroid becomes the mean of the updated weights labelled with it, then the weights are
 *       rewritten from the codebook.</li>
 *   <li>The gradient rule ({@link #centroidGradient}, {@link #sgdStep}): the loss gradient of centroid
 *       {@code k} is the sum of the gradients of its weights, {@code dL/dC_k = sum_j dL/dW_j 1(I_j = k)},
 *       and the centroids take a gradient step.</li>
 * </ul>
 */
public final class CentroidUpdate {
    private CentroidUpdate() { }

    /**
     * The mean of the weights in each cluster; a cluster with no weights keeps its centroid. Sums are
     * accumulated in double.
     */
    public static float[] clusterMeans(float[] weights, int[] labels, float[] centroids) {
        checkLabels(weights.length, labels, centroids.length, "weights");
        int k = centroids.length;
        double[] sum = new double[k];
        long[] count = new long[k];
        for (int i = 0; i < weights.length; i++) {
            sum[labels[i]] += weights[i];
            count[labels[i]]++;
        }
        float[] out = centroids.clone();
        for (int c = 0; c < k; c++) {
            if (count[c] > 0) {
                out[c] = (float) (sum[c] / count[c]);
            }
        }
        return out;
    }

    /** The lesson's rule: centroids to the cluster means of {@code updatedWeights}, weights rewritten. */
    public static CodebookStep meanRule(float[] updatedWeights, int[] labels, float[] centroids) {
        float[] next = clusterMeans(updatedWeights, labels, centroids);
        return new CodebookStep(next, decode(next, labels));
    }

    /** {@code dL/dC_k = sum of dL/dW_j over the weights j labelled k}, for {@code k} centroids. */
    public static float[] centroidGradient(float[] weightGradients, int[] labels, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("need at least one centroid, got " + k);
        }
        checkLabels(weightGradients.length, labels, k, "gradients");
        double[] sum = new double[k];
        for (int i = 0; i < weightGradients.length; i++) {
            sum[labels[i]] += weightGradients[i];
        }
        float[] out = new float[k];
        for (int c = 0; c < k; c++) {
            out[c] = (float) sum[c];
        }
        return out;
    }

    /**
     * One SGD step on the codebook: {@code C_k - learningRate * dL/dC_k}, then the weights rewritten
     * from the new codebook.
     */
    public static CodebookStep sgdStep(float[] centroids, float[] weightGradients, int[] labels, float learningRate) {
        float[] grad = centroidGradient(weightGradients, labels, centroids.length);
        float[] next = new float[centroids.length];
        for (int c = 0; c < next.length; c++) {
            next[c] = centroids[c] - learningRate * grad[c];
        }
        return new CodebookStep(next, decode(next, labels));
    }

    /** The weights of a codebook: {@code centroids[labels[i]]} (a new array). */
    public static float[] decode(float[] centroids, int[] labels) {
        float[] out = new float[labels.length];
        decodeInto(centroids, labels, out);
        return out;
    }

    /** Writes {@code centroids[labels[i]]} into {@code out} (for trainers that reuse a buffer). */
    public static void decodeInto(float[] centroids, int[] labels, float[] out) {
        checkLabels(out.length, labels, centroids.length, "output slots");
        for (int i = 0; i < labels.length; i++) {
            out[i] = centroids[labels[i]];
        }
    }

    private static void checkLabels(int n, int[] labels, int k, String what) {
        if (labels.length != n) {
            throw new IllegalArgumentException(labels.length + " labels for " + n + " " + what);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= k) {
                throw new IllegalArgumentException("label " + labels[i] + " at index " + i + " is outside 0.." + (k - 1));
            }
        }
    }
}
