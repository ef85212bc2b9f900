package dev.quantlab.kmeans;

/** How Lloyd's k-means chooses its starting centroids; every choice is driven by a seed. */
public enum Init {
    /** k-means++ (Arthur and Vassilvitskii 2007): each new centroid drawn with probability proportional to D(x)^2. */
    KMEANS_PLUS_PLUS,
    /** Evenly spaced over [min, max] of the tensor; Deep Compression found it the best start (keeps the large weights). */
    LINEAR,
    /** k distinct weights of the tensor drawn at random (each weight equally likely). */
    RANDOM
}
