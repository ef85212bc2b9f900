package dev.quantlab.linear;

/**
 * The integer GEMM behind the conv and linear kernels: {@code c[r][j] += sum_k a[r*depth + k] * b[k][j]}
 * with int32 accumulation. {@code a} holds one patch row per output pixel (scalars), {@code b} one row per
 * depth index (the weights, transposed so a row runs over output channels), {@code c} one accumulator row
 * per output pixel.
 *
 * <p>Speed comes from HotSpot's auto-vectoriser: the inner loop {@link #axpy4} indexes every array with the
 * same plain loop index (C2 on JDK 17 does not vectorise a loop whose arrays carry different offsets) and
 * does four multiply-adds per accumulator load/store; the depth is tiled so a block of {@code b} stays in
 * the L2 cache while every pixel reuses it, and pixels are blocked so their accumulator rows stay in L1
 * while four rows of {@code b} are applied to each.
 */
public final class IntGemm {
    /** Ints of {@code b} kept hot per depth tile (192 KiB, a part of a 512 KiB L2). */
    static final int TILE_INTS = 48 * 1024;
    /** Ints of {@code c} kept in the L1 cache while a group of four {@code b} rows is applied (16 KiB). */
    static final int BLOCK_INTS = 4 * 1024;

    private IntGemm() { }

    /** Depth rounded up to a multiple of 4 (extra rows of {@code b} and columns of {@code a} are zero). */
    public static int padDepth(int depth) {
        return (depth + 3) & ~3;
    }

    /**
     * Adds {@code a * b} into {@code c}.
     *
     * @param a     {@code rows x depth} scalars, row-major
     * @param rows  rows of {@code a} and {@code c}
     * @param depth a multiple of 4, the number of rows of {@code b}
     * @param b     {@code depth} rows of length {@code >= cols}
     * @param c     {@code rows} accumulator rows of length {@code >= cols}
     * @param cols  columns to compute
     */
    public static void multiplyAdd(int[] a, int rows, int depth, int[][] b, int[][] c, int cols) {
        if ((depth & 3) != 0) {
            throw new IllegalArgumentException("depth must be a multiple of 4, got " + depth);
        }
        if (a.length < (long) rows * depth || b.length < depth || c.length < rows) {
            throw new IllegalArgumentException("operands too small for " + rows + "x" + depth + "x" + cols);
        }
        int tile = Math.max(4, Math.min(depth, (TILE_INTS / Math.max(1, cols)) & ~3));
        int block = Math.max(1, BLOCK_INTS / Math.max(1, cols));
        for (int k0 = 0; k0 < depth; k0 += tile) {
            int k1 = Math.min(depth, k0 + tile);
            for (int r0 = 0; r0 < rows; r0 += block) {
                int r1 = Math.min(rows, r0 + block);
                for (int k = k0; k < k1; k += 4) {
                    int[] b0 = b[k];
                    int[] b1 = b[k + 1];
                    int[] b2 = b[k + 2];
                    int[] b3 = b[k + 3];
                    for (int r = r0; r < r1; r++) {
                        int i = r * depth + k;
                        axpy4(c[r], b0, b1, b2, b3, cols, a[i], a[i + 1], a[i + 2], a[i + 3]);
                    }
                }
            }
        }
    }

    /** {@code c[j] += w0*b0[j] + w1*b1[j] + w2*b2[j] + w3*b3[j]}: the loop C2 turns into AVX2 code. */
    static void axpy4(int[] c, int[] b0, int[] b1, int[] b2, int[] b3, int n, int w0, int w1, int w2, int w3) {
        for (int j = 0; j < n; j++) {
            c[j] += w0 * b0[j] + w1 * b1[j] + w2 * b2[j] + w3 * b3[j];
        }
    }
}
