package dev.quantlab.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PoolingTest {

    @Test
    void avgPoolRoundingModes() {
        int[][] windows = {{-1, -2, 0, 0}, {1, 2, 0, 0}, {1, 1, 0, 0}, {2, 2, 2, 0}, {-2, -2, -2, 0}, {-1, -1, 0, 0},
            {127, 127, 127, 127}, {-128, -128, -128, -127}};
        int[] truncate = {0, 0, 0, 1, -1, 0, 127, -127};
        int[] floor = {-1, 0, 0, 1, -2, -1, 127, -128};
        int[] halfEven = {-1, 1, 0, 2, -2, 0, 127, -128};
        for (int i = 0; i < windows.length; i++) {
            Int8Activations x = window(windows[i]);
            assertEquals(truncate[i], Int8Pooling.avgPool2x2(x, AvgPoolRounding.TRUNCATE).data()[0], "window " + i);
            assertEquals(floor[i], Int8Pooling.avgPool2x2(x, AvgPoolRounding.FLOOR).data()[0], "window " + i);
            assertEquals(halfEven[i], Int8Pooling.avgPool2x2(x, AvgPoolRounding.HALF_EVEN).data()[0], "window " + i);
        }
    }

    @Test
    void truncationIsTheReferencesFloatMeanCastToInt() {
        for (int sum = -512; sum <= 508; sum++) {
            assertEquals((int) (sum / 4.0f), AvgPoolRounding.TRUNCATE.mean(sum, 4));
            assertEquals((int) Math.rint(sum / 4.0), AvgPoolRounding.HALF_EVEN.mean(sum, 4));
            assertEquals((int) Math.floor(sum / 4.0), AvgPoolRounding.FLOOR.mean(sum, 4));
        }
    }

    @Test
    void maxPoolIsExactAndDropsAnOddEdge() {
        // 1 image, 3x3, 2 channels: the last row and column are dropped.
        byte[] d = new byte[3 * 3 * 2];
        for (int i = 0; i < d.length; i++) {
            d[i] = (byte) (i * 37 % 256 - 128);
        }
        Int8Activations x = new Int8Activations(d, 1, 3, 3, 2);
        Int8Activations y = Int8Pooling.maxPool2x2(x);
        assertEquals(1, y.height());
        assertEquals(1, y.width());
        for (int c = 0; c < 2; c++) {
            int m = Math.max(Math.max(x.get(0, 0, 0, c), x.get(0, 0, 1, c)), Math.max(x.get(0, 1, 0, c), x.get(0, 1, 1, c)));
            assertEquals(m, y.get(0, 0, 0, c));
        }
    }

    @Test
    void maxPoolCommutesWithDequantization() {
        Random rnd = new Random(4);
        QuantParams p = new QuantParams(0.05, -20, QuantRange.ofBits(8));
        Int8Activations x = new Int8Activations(RandomModels.bytes(rnd, 2 * 6 * 4 * 3, QuantRange.ofBits(8)), 2, 6, 4, 3);
        Int8Activations y = Int8Pooling.maxPool2x2(x);
        for (int n = 0; n < 2; n++) {
            for (int yy = 0; yy < 3; yy++) {
                for (int xx = 0; xx < 2; xx++) {
                    for (int c = 0; c < 3; c++) {
                        float best = Float.NEGATIVE_INFINITY;
                        for (int dy = 0; dy < 2; dy++) {
                            for (int dx = 0; dx < 2; dx++) {
                                best = Math.max(best, p.dequantize(x.get(n, 2 * yy + dy, 2 * xx + dx, c)));
                            }
                        }
                        assertEquals(best, p.dequantize(y.get(n, yy, xx, c)));
                    }
                }
            }
        }
    }

    @Test
    void avgPoolKeepsChannelsApart() {
        byte[] d = {10, -10, 20, -20, 30, -30, 41, -41};
        Int8Activations y = Int8Pooling.avgPool2x2(new Int8Activations(d, 1, 2, 2, 2), AvgPoolRounding.TRUNCATE);
        assertArrayEquals(new byte[] {25, -25}, y.data());
    }

    private static Int8Activations window(int[] v) {
        return new Int8Activations(new byte[] {(byte) v[0], (byte) v[1], (byte) v[2], (byte) v[3]}, 1, 2, 2, 1);
    }
}
