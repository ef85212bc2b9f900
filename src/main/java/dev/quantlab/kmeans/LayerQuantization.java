package dev.quantlab.kmeans;

/**
 * How one weight matrix was quantized.
 *
 * @param codebook   centroids and packed labels
 * @param mse        mean squared error between the fp32 weights and their centroids
 * @param iterations Lloyd iterations run
 * @param converged  whether the labels stopped changing before the iteration cap
 * @param nanos      time spent on this layer (clustering, packing and writing the weights)
 */
public record LayerQuantization(Codebook codebook, double mse, int iterations, boolean converged, long nanos) {

    /** The layer's state-dict name. */
    public String layer() {
        return codebook.layer();
    }
}
