package dev.quantlab.kmeans;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PackedLabelsTest {

    @Test
    void roundTripForEveryBitWidthOnOddLengths() {
        Random rnd = new Random(5);
        for (int bits = 1; bits <= 8; bits++) {
            for (int n : new int[] {1, 3, 7, 13, 1001}) {
                int[] labels = new int[n];
                for (int i = 0; i < n; i++) {
                    labels[i] = rnd.nextInt(1 << bits);
                }
                labels[n - 1] = (1 << bits) - 1; // all ones in the last, possibly partial, byte
                PackedLabels p = PackedLabels.pack(labels, bits);
                assertEquals(n, p.length());
                assertEquals(bits, p.bits());
                assertEquals((n * bits + 7) / 8, p.byteSize(), "ceil(n*bits/8) bytes");
                for (int i = 0; i < n; i++) {
                    assertEquals(labels[i], p.get(i), "bits=" + bits + " n=" + n + " i=" + i);
                }
                assertArrayEquals(labels, p.unpack());
            }
        }
    }

    @Test
    void knownLayoutIsLeastSignificantBitFirst() {
        PackedLabels p = PackedLabels.pack(new int[] {1, 2, 3, 0, 3}, 2);
        assertArrayEquals(new byte[] {(byte) 0b00_11_10_01, (byte) 0b11}, p.toByteArray());
        PackedLabels three = PackedLabels.pack(new int[] {5, 7, 2}, 3);
        // 101 | 111 | 010 -> bits 0..8: 1,0,1,1,1,1,0,1,0
        assertArrayEquals(new byte[] {(byte) 0b10111101, 0}, three.toByteArray());
    }

    @Test
    void rejectsLabelsThatDoNotFitAndBadIndices() {
        assertThrows(IllegalArgumentException.class, () -> PackedLabels.pack(new int[] {4}, 2));
        assertThrows(IllegalArgumentException.class, () -> PackedLabels.pack(new int[] {-1}, 2));
        assertThrows(IllegalArgumentException.class, () -> PackedLabels.pack(new int[] {0}, 9));
        PackedLabels p = PackedLabels.pack(new int[] {1, 0}, 1);
        assertThrows(IndexOutOfBoundsException.class, () -> p.get(2));
        assertThrows(IndexOutOfBoundsException.class, () -> p.get(-1));
    }

    @Test
    void emptyLabels() {
        PackedLabels p = PackedLabels.pack(new int[0], 4);
        assertEquals(0, p.byteSize());
        assertEquals(0, p.unpack().length);
    }
}
