package dev.quantlab.kmeans;

/**
 * Turns a partition of the sorted values into contiguous runs into a {@link KMeansResult}: one O(n)
 * pass computes each run's mean (direct double summation) and the MSE, and one O(n) pass labels the
 * values in their original order through the sort's permutation.
 */
final class RunPartition {
    private RunPartition() { }

    /**
     * @param b boundaries: run {@code j} is {@code [b[j], b[j+1])}; runs are non-empty and never split
     *          equal values (both hold for boundaries found by value)
     */
    static KMeansResult toResult(SortedValues sv, int[] b, int iterations, boolean converged,
                                 String method) {
        int m = b.length - 1;
        float[] centroids = new float[m];
        double sse = 0;
        for (int j = 0; j < m; j++) {
            double sum = 0;
            for (int i = b[j]; i < b[j + 1]; i++) {
                sum += sv.get(i);
            }
            float c = (float) (sum / (b[j + 1] - b[j]));
            centroids[j] = c;
            for (int i = b[j]; i < b[j + 1]; i++) {
                double d = sv.get(i) - (double) c;
                sse += d * d;
            }
        }
        int[] labels = new int[sv.size()];
        for (int j = 0; j < m; j++) {
            for (int i = b[j]; i < b[j + 1]; i++) {
                labels[sv.originalIndex(i)] = j;
            }
        }
        return new KMeansResult(centroids, labels, sse / sv.size(), iterations, converged, method);
    }
}
