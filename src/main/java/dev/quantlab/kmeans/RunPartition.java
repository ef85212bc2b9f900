package dev.quantlab.kmeans;

/**
 * Turns a partition of the sorted values into contiguous runs into a {@link KMeansResult}: one O(n)
 * pass computes each run's mean (direct double summation) and the MSE, and one O(n log m) pass labels
 * the values in their original order by binary search on the runs' largest values.
 */
final class RunPartition {
    private RunPartition() { }

    /**
     * @param b boundaries: run {@code j} is {@code [b[j], b[j+1])}; runs are non-empty and never split
     *          equal values (both hold for boundaries found by value)
     */
    static KMeansResult toResult(SortedValues sv, float[] original, int[] b, int iterations, boolean converged,
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
        float[] cuts = new float[m - 1];
        for (int j = 0; j + 1 < m; j++) {
            cuts[j] = sv.get(b[j + 1] - 1);
        }
        return new KMeansResult(centroids, labels(original, cuts), sse / sv.size(), iterations, converged, method);
    }

    /** Label of {@code x} = number of cuts strictly below {@code x}. */
    static int[] labels(float[] values, float[] cuts) {
        int[] labels = new int[values.length];
        int n = cuts.length;
        for (int i = 0; i < values.length; i++) {
            float x = values[i];
            int lo = 0;
            int len = n;
            while (len > 0) {
                int half = len >>> 1;
                if (x > cuts[lo + half]) {
                    lo += half + 1;
                    len -= half + 1;
                } else {
                    len = half;
                }
            }
            labels[i] = lo;
        }
        return labels;
    }
}
