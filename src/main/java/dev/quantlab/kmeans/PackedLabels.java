package dev.quantlab.kmeans;

import java.util.Arrays;

/**
 * Centroid indices packed at {@code bits} bits each into {@code ceil(n * bits / 8)} bytes: label
 * {@code i} occupies bits {@code [i*bits, (i+1)*bits)} of the byte stream, least significant bit
 * first (so a label spans at most two bytes). Immutable.
 */
public final class PackedLabels {
    private final byte[] data;
    private final int length;
    private final int bits;

    private PackedLabels(byte[] data, int length, int bits) {
        this.data = data;
        this.length = length;
        this.bits = bits;
    }

    /** Bytes needed for {@code count} labels of {@code bits} bits: {@code ceil(count * bits / 8)}. */
    public static long packedBytes(long count, int bits) {
        return (count * BitWidth.check(bits) + 7) / 8;
    }

    /**
     * Packs {@code labels}, each of which must lie in {@code [0, 2^bits)}.
     *
     * @throws IllegalArgumentException for a bit-width outside 1..8 or a label out of range
     */
    public static PackedLabels pack(int[] labels, int bits) {
        int limit = BitWidth.centroidCount(bits);
        byte[] data = new byte[Math.toIntExact(packedBytes(labels.length, bits))];
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i];
            if (label < 0 || label >= limit) {
                throw new IllegalArgumentException("label " + label + " at index " + i + " does not fit in "
                        + bits + " bits");
            }
            long bit = (long) i * bits;
            int at = (int) (bit >>> 3);
            int offset = (int) (bit & 7);
            data[at] |= (byte) (label << offset);
            if (offset + bits > 8) {
                data[at + 1] |= (byte) (label >>> (8 - offset));
            }
        }
        return new PackedLabels(data, labels.length, bits);
    }

    /** Label {@code i}. */
    public int get(int i) {
        if (i < 0 || i >= length) {
            throw new IndexOutOfBoundsException("label index " + i + " out of range 0.." + (length - 1));
        }
        long bit = (long) i * bits;
        int at = (int) (bit >>> 3);
        int offset = (int) (bit & 7);
        int word = data[at] & 0xFF;
        if (offset + bits > 8) {
            word |= (data[at + 1] & 0xFF) << 8;
        }
        return (word >>> offset) & ((1 << bits) - 1);
    }

    /** All labels as an int array (a new array). */
    public int[] unpack() {
        int[] out = new int[length];
        for (int i = 0; i < length; i++) {
            out[i] = get(i);
        }
        return out;
    }

    /** Number of labels. */
    public int length() {
        return length;
    }

    /** Bits per label. */
    public int bits() {
        return bits;
    }

    /** Size of the packed form in bytes. */
    public int byteSize() {
        return data.length;
    }

    /** A copy of the packed bytes, e.g. for saving. */
    public byte[] toByteArray() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PackedLabels p && length == p.length && bits == p.bits && Arrays.equals(data, p.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + bits;
    }

    @Override
    public String toString() {
        return "PackedLabels[" + length + " x " + bits + " bits, " + data.length + " bytes]";
    }
}
