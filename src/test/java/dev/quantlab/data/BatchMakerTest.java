package dev.quantlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.testing.Cifar10;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Bytes to float batches: range, exact values, repeatable seeded augmentation, flips and zero-padded crops. */
class BatchMakerTest {
    private static final int SIDE = 32;
    private static final int PLANE = SIDE * SIDE;
    private static final int N = 64;

    @Tag(Cifar10.TAG)
    @Test
    void valuesAreInZeroToOne() {
        CifarSplit split = Cifar10.testSplit();
        float[] out = new float[N * CifarSplit.IMAGE_BYTES];
        BatchMaker.fill(split, range(N), 0, N, Augmentation.LESSON, new SplittableRandom(1), out);
        for (float v : out) {
            assertTrue(v >= 0f && v <= 1f, "value out of [0,1]: " + v);
        }
    }

    @Tag(Cifar10.TAG)
    @Test
    void noAugmentationIsBytesOver255Exactly() {
        CifarSplit split = Cifar10.testSplit();
        int[] idx = {5, 0, 9999};
        float[] out = new float[idx.length * CifarSplit.IMAGE_BYTES];
        BatchMaker.fill(split, idx, 0, idx.length, Augmentation.NONE, new SplittableRandom(1), out);
        for (int b = 0; b < idx.length; b++) {
            for (int i = 0; i < CifarSplit.IMAGE_BYTES; i++) {
                float expected = (split.pixels()[idx[b] * CifarSplit.IMAGE_BYTES + i] & 0xff) / 255f;
                assertEquals(expected, out[b * CifarSplit.IMAGE_BYTES + i], 0f);
            }
        }
    }

    @Tag(Cifar10.TAG)
    @Test
    void seededAugmentationIsRepeatable() {
        CifarSplit split = Cifar10.testSplit();
        float[] a = new float[N * CifarSplit.IMAGE_BYTES];
        float[] b = new float[N * CifarSplit.IMAGE_BYTES];
        BatchMaker.fill(split, range(N), 0, N, Augmentation.LESSON, new SplittableRandom(42), a);
        BatchMaker.fill(split, range(N), 0, N, Augmentation.LESSON, new SplittableRandom(42), b);
        assertArrayEquals(a, b);
        float[] plain = new float[N * CifarSplit.IMAGE_BYTES];
        BatchMaker.fill(split, range(N), 0, N, Augmentation.NONE, null, plain);
        assertTrue(!Arrays.equals(a, plain), "the lesson augmentation should change some images");
    }

    @Tag(Cifar10.TAG)
    @Test
    void flipOnlyMirrorsRows() {
        CifarSplit split = Cifar10.testSplit();
        float[] out = new float[N * CifarSplit.IMAGE_BYTES];
        BatchMaker.fill(split, range(N), 0, N, new Augmentation(0, true), new SplittableRandom(7), out);
        SplittableRandom same = new SplittableRandom(7);
        int flipped = 0;
        for (int b = 0; b < N; b++) {
            boolean flip = same.nextBoolean();
            flipped += flip ? 1 : 0;
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < SIDE; y++) {
                    for (int x = 0; x < SIDE; x++) {
                        int sx = flip ? SIDE - 1 - x : x;
                        float expected = pixel(split, b, c, y, sx);
                        assertEquals(expected, out[b * CifarSplit.IMAGE_BYTES + c * PLANE + y * SIDE + x], 0f);
                    }
                }
            }
        }
        assertTrue(flipped > 0 && flipped < N, "some images flipped, some not: " + flipped);
    }

    @Test
    void shiftedCropHasZeroPaddingAtTheBorders() {
        byte[] pixels = new byte[4 * CifarSplit.IMAGE_BYTES];
        Arrays.fill(pixels, (byte) 200);
        CifarSplit bright = new CifarSplit("bright", pixels, new byte[4]);
        float[] out = new float[4 * CifarSplit.IMAGE_BYTES];
        BatchMaker.fill(bright, range(4), 0, 4, new Augmentation(4, false), new SplittableRandom(3), out);
        SplittableRandom same = new SplittableRandom(3);
        int shifted = 0;
        for (int b = 0; b < 4; b++) {
            int dy = same.nextInt(9) - 4;
            int dx = same.nextInt(9) - 4;
            shifted += dy != 0 || dx != 0 ? 1 : 0;
            int zeros = 0;
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < SIDE; y++) {
                    for (int x = 0; x < SIDE; x++) {
                        boolean outside = y + dy < 0 || y + dy >= SIDE || x + dx < 0 || x + dx >= SIDE;
                        float v = out[b * CifarSplit.IMAGE_BYTES + c * PLANE + y * SIDE + x];
                        assertEquals(outside ? 0f : 200 / 255f, v, 0f, "image " + b + " at " + y + "," + x);
                        zeros += outside ? 1 : 0;
                    }
                }
            }
            int expectedZeros = 3 * (SIDE * SIDE - (SIDE - Math.abs(dy)) * (SIDE - Math.abs(dx)));
            assertEquals(expectedZeros, zeros);
        }
        assertTrue(shifted > 0, "seed 3 should shift at least one image");
    }

    @Tag(Cifar10.TAG)
    @Test
    void balancedIndicesGiveATenthPerClass() {
        CifarSplit split = Cifar10.testSplit();
        for (int limit : new int[] {10, 100, 1000, 5000}) {
            int[] idx = split.balancedIndices(limit);
            assertEquals(limit, idx.length);
            int[] perClass = new int[CifarSplit.CLASSES];
            for (int i : idx) {
                perClass[split.label(i)]++;
            }
            for (int c = 0; c < CifarSplit.CLASSES; c++) {
                assertEquals(limit / 10, perClass[c], "class " + c + " for limit " + limit);
            }
        }
        assertEquals(split.size(), split.balancedIndices(0).length);
    }

    @Tag(Cifar10.TAG)
    @Test
    void labelsFollowTheIndices() {
        CifarSplit split = Cifar10.testSplit();
        assertArrayEquals(new int[] {1, 0, 8}, BatchMaker.labels(split, new int[] {0, 6, 3, 1}, 1, 3));
    }

    private static float pixel(CifarSplit s, int image, int c, int y, int x) {
        return (s.pixels()[image * CifarSplit.IMAGE_BYTES + c * PLANE + y * SIDE + x] & 0xff) / 255f;
    }

    private static int[] range(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }
}
