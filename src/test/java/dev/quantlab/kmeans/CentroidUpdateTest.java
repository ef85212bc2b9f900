package dev.quantlab.kmeans;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CentroidUpdateTest {
    private static final int K = 8;

    @Test
    void centroidGradientIsTheSumOfItsMembersGradients() {
        Random rnd = new Random(1);
        int n = 10_000;
        int[] labels = labels(n, rnd);
        float[] grad = new float[n];
        for (int i = 0; i < n; i++) {
            grad[i] = (float) rnd.nextGaussian();
        }
        float[] g = CentroidUpdate.centroidGradient(grad, labels, K);
        for (int c = 0; c < K; c++) {
            double expected = 0;
            for (int i = 0; i < n; i++) {
                if (labels[i] == c) {
                    expected += grad[i];
                }
            }
            assertEquals(expected, g[c], 1e-3, "centroid " + c);
        }
    }

    @Test
    void sgdStepMovesCentroidsAgainstTheirGradientAndRewritesWeights() {
        int[] labels = {0, 1, 1, 2, 0};
        float[] centroids = {-1f, 0f, 1f};
        float[] grad = {0.5f, 1f, -3f, 2f, 0.5f};
        CodebookStep step = CentroidUpdate.sgdStep(centroids, grad, labels, 0.1f);
        assertArrayEquals(new float[] {-1f - 0.1f * 1f, 0f - 0.1f * -2f, 1f - 0.1f * 2f}, step.centroids(), 1e-6f);
        for (int i = 0; i < labels.length; i++) {
            assertEquals(step.centroids()[labels[i]], step.weights()[i]);
        }
        assertArrayEquals(new float[] {-1f, 0f, 1f}, centroids, "input untouched");
    }

    @Test
    void meanRuleKeepsLabelsFixedAndEmptyClustersKeepTheirCentroid() {
        Random rnd = new Random(2);
        int n = 1_000;
        int[] labels = labels(n, rnd);
        for (int i = 0; i < n; i++) {
            if (labels[i] == 5) {
                labels[i] = 4; // cluster 5 is empty
            }
        }
        float[] centroids = new float[K];
        for (int c = 0; c < K; c++) {
            centroids[c] = c * 0.1f;
        }
        float[] weights = CentroidUpdate.decode(centroids, labels);
        for (int i = 0; i < n; i++) {
            weights[i] += (float) (rnd.nextGaussian() * 0.01); // an optimizer step
        }
        int[] labelsBefore = labels.clone();
        float[] weightsBefore = weights.clone();
        CodebookStep step = CentroidUpdate.meanRule(weights, labels, centroids);

        assertArrayEquals(labelsBefore, labels);
        assertArrayEquals(weightsBefore, weights);
        assertEquals(centroids[5], step.centroids()[5], "empty cluster keeps its centroid");
        for (int c = 0; c < K; c++) {
            if (c == 5) {
                continue;
            }
            double sum = 0;
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (labels[i] == c) {
                    sum += weights[i];
                    count++;
                }
            }
            assertEquals(sum / count, step.centroids()[c], 1e-6);
        }
        for (int i = 0; i < n; i++) {
            assertEquals(step.centroids()[labels[i]], step.weights()[i], "weight " + i + " keeps label " + labels[i]);
        }
    }

    @Test
    void rejectsMismatchedInputs() {
        assertThrows(IllegalArgumentException.class,
                () -> CentroidUpdate.centroidGradient(new float[2], new int[] {0}, 1));
        assertThrows(IllegalArgumentException.class,
                () -> CentroidUpdate.meanRule(new float[1], new int[] {3}, new float[2]));
        assertThrows(IllegalArgumentException.class, () -> CentroidUpdate.centroidGradient(new float[0], new int[0], 0));
    }

    private static int[] labels(int n, Random rnd) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rnd.nextInt(K);
        }
        return labels;
    }
}
