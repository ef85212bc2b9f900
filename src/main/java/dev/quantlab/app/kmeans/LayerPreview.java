package dev.quantlab.app.kmeans;

import dev.quantlab.app.charts.Histogram;

/**
 * What the k-means tab shows for one layer at one bit-width: the fp32 histogram, the centroids and how many
 * weights each got, and the quantization error. Small (no per-weight arrays), so many can be cached.
 *
 * @param layer     state-dict name of the weight matrix
 * @param bits      bit-width
 * @param weights   number of weights in the layer
 * @param histogram the fp32 weights' histogram
 * @param centroids the codebook, ascending; its length is the number of distinct quantized values
 * @param counts    weights per centroid
 * @param mse       mean squared error between the weights and their centroids
 * @param millis    time the clustering took
 */
public record LayerPreview(String layer, int bits, int weights, Histogram histogram, float[] centroids,
                           long[] counts, double mse, double millis) {

    /** Distinct values in the quantized layer: {@code min(2^bits, distinct fp32 values)}. */
    public int distinctValues() {
        return centroids.length;
    }
}
