package dev.quantlab.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Turns stored bytes into float {@code [N,3,32,32]} batches in [0,1], one batch at a time (the split is
 * never held as floats). Augmentation is drawn from the given random source, so a seeded epoch is repeatable.
 */
public final class BatchMaker {
    private static final int SIDE = 32;
    private static final int PLANE = SIDE * SIDE;
    private static final float[] TO_FLOAT = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            TO_FLOAT[i] = i / 255f;
        }
    }

    private BatchMaker() { }

    /** Fills {@code out} (length >= n*3072) with images {@code indices[from..from+n)}. */
    public static void fill(CifarSplit split, int[] indices, int from, int n, Augmentation aug, SplittableRandom rnd,
            float[] out) {
        byte[] px = split.pixels();
        for (int b = 0; b < n; b++) {
            int src = indices[from + b] * CifarSplit.IMAGE_BYTES;
            int dst = b * CifarSplit.IMAGE_BYTES;
            if (aug == null || aug.isNone()) {
                for (int i = 0; i < CifarSplit.IMAGE_BYTES; i++) {
                    out[dst + i] = TO_FLOAT[px[src + i] & 0xff];
                }
                continue;
            }
            int p = aug.padding();
            int dy = p == 0 ? 0 : rnd.nextInt(2 * p + 1) - p;
            int dx = p == 0 ? 0 : rnd.nextInt(2 * p + 1) - p;
            boolean flip = aug.flip() && rnd.nextBoolean();
            for (int c = 0; c < 3; c++) {
                int plane = src + c * PLANE;
                for (int y = 0; y < SIDE; y++) {
                    int sy = y + dy;
                    int rowOut = dst + c * PLANE + y * SIDE;
                    if (sy < 0 || sy >= SIDE) {
                        Arrays.fill(out, rowOut, rowOut + SIDE, 0f);
                        continue;
                    }
                    for (int x = 0; x < SIDE; x++) {
                        int ox = flip ? SIDE - 1 - x : x;
                        int sx = ox + dx;
                        out[rowOut + x] = (sx < 0 || sx >= SIDE) ? 0f : TO_FLOAT[px[plane + sy * SIDE + sx] & 0xff];
                    }
                }
            }
        }
    }

    /** Labels of {@code indices[from..from+n)}. */
    public static int[] labels(CifarSplit split, int[] indices, int from, int n) {
        int[] y = new int[n];
        for (int b = 0; b < n; b++) {
            y[b] = split.label(indices[from + b]);
        }
        return y;
    }

    /** A permutation of {@code 0..n-1} drawn from {@code rnd} (Fisher-Yates). */
    public static int[] shuffled(int[] base, SplittableRandom rnd) {
        int[] a = base.clone();
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
