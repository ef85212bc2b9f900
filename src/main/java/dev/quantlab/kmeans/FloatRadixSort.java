package dev.quantlab.kmeans;

/**
 * Sorts float values together with their original positions: an LSD radix sort (three 11-bit passes)
 * on the float bits mapped to order-preserving unsigned keys. O(n), several times faster than a
 * comparison sort on millions of weights, and the positions give every value's label in one pass.
 * {@code -0.0} sorts just before {@code 0.0} (as in {@link java.util.Arrays#sort(float[])}).
 */
final class FloatRadixSort {
    private static final int DIGIT_BITS = 11;
    private static final int BUCKETS = 1 << DIGIT_BITS;
    private static final int PASSES = 3;

    /** Sorted values and, for each sorted position, the value's index in the input. */
    record Sorted(float[] values, int[] order) { }

    private FloatRadixSort() { }

    /**
     * @throws IllegalArgumentException if a value is NaN or infinite
     */
    static Sorted sort(float[] input) {
        int n = input.length;
        int[] keys = new int[n];
        int[] order = new int[n];
        int[][] counts = new int[PASSES][BUCKETS + 1];
        for (int i = 0; i < n; i++) {
            float v = input[i];
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("tensor holds NaN or infinite values (" + v + " at index " + i + ")");
            }
            int bits = Float.floatToRawIntBits(v);
            int key = bits ^ ((bits >> 31) | 0x80000000);
            keys[i] = key;
            order[i] = i;
            for (int p = 0; p < PASSES; p++) {
                counts[p][((key >>> (p * DIGIT_BITS)) & (BUCKETS - 1)) + 1]++;
            }
        }
        int[] keysTmp = new int[n];
        int[] orderTmp = new int[n];
        for (int p = 0; p < PASSES; p++) {
            int[] start = counts[p];
            if (start[1 + ((keys.length == 0 ? 0 : keys[0]) >>> (p * DIGIT_BITS) & (BUCKETS - 1))] == n) {
                continue; // every key has the same digit: this pass would not move anything
            }
            for (int d = 0; d < BUCKETS; d++) {
                start[d + 1] += start[d];
            }
            int shift = p * DIGIT_BITS;
            for (int i = 0; i < n; i++) {
                int key = keys[i];
                int at = start[(key >>> shift) & (BUCKETS - 1)]++;
                keysTmp[at] = key;
                orderTmp[at] = order[i];
            }
            int[] t = keys;
            keys = keysTmp;
            keysTmp = t;
            t = order;
            order = orderTmp;
            orderTmp = t;
        }
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            int key = keys[i];
            values[i] = Float.intBitsToFloat(key ^ ((~key >> 31) | 0x80000000));
        }
        return new Sorted(values, order);
    }
}
