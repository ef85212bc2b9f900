package dev.quantlab.kmeans;

/**
 * The outcome of one centroid update during quantization-aware training.
 *
 * @param centroids the new codebook
 * @param weights   the weights rewritten from the new codebook and the (unchanged) labels
 */
public record CodebookStep(float[] centroids, float[] weights) { }
