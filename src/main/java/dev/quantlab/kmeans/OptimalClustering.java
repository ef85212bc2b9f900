package dev.quantlab.kmeans;

/**
 * The result of {@link OptimalKMeans1D}.
 *
 * @param result the clustering (its {@code mse} is measured on every original value)
 * @param exact  true when the dynamic program ran on all distinct values, so {@code result} is the
 *               global optimum of 1-D k-means; false when it ran on {@code points} groups of
 *               neighbouring values, so {@code result} is the optimum among partitions whose cluster
 *               borders fall between groups (an upper bound on the true optimum)
 * @param points the number of weighted points the dynamic program partitioned
 */
public record OptimalClustering(KMeansResult result, boolean exact, int points) { }
