package dev.quantlab.model;

import java.util.Arrays;

/**
 * A weight tensor stored as a codebook plus one index per weight, packed at {@code bits} bits: index
 * {@code i} occupies bits {@code [i*bits, (i+1)*bits)} of {@code packed}, least significant bit first.
 *
 * @param name      the state-dict name
 * @param shape     the tensor's shape
 * @param bits      bits per index, 1..8
 * @param centroids the codebook (at most {@code 2^bits} values)
 * @param packed    the packed indices, {@code ceil(numel * bits / 8)} bytes
 */
public record PackedTensor(String name, long[] shape, int bits, float[] centroids, byte[] packed) {

    /** Checks the bit-width, codebook length and packed length; copies nothing (tensors are large). */
    public PackedTensor {
        if (bits < 1 || bits > 8) {
            throw new IllegalArgumentException(name + ": bits per index must be 1..8, got " + bits);
        }
        if (centroids.length < 1 || centroids.length > (1 << bits)) {
            throw new IllegalArgumentException(name + ": a " + bits + "-bit codebook holds 1.." + (1 << bits)
                    + " values, got " + centroids.length);
        }
        long need = packedBytes(Shapes.numel(shape), bits);
        if (packed.length != need) {
            throw new IllegalArgumentException(name + ": " + Shapes.numel(shape) + " indices at " + bits
                    + " bits need " + need + " bytes, got " + packed.length);
        }
    }

    /** Bytes of {@code count} indices at {@code bits} bits. */
    public static long packedBytes(long count, int bits) {
        return (count * bits + 7) / 8;
    }

    /** Number of weights. */
    public long numel() {
        return Shapes.numel(shape);
    }

    /**
     * The weights: each index replaced by its centroid.
     *
     * @throws IllegalArgumentException if an index points past the codebook (a damaged file)
     */
    public TensorData decode() {
        int[] indices = indices();
        float[] out = new float[indices.length];
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] >= centroids.length) {
                throw new IllegalArgumentException(name + ": index " + indices[i] + " at weight " + i
                        + " is past its codebook of " + centroids.length + " values");
            }
            out[i] = centroids[indices[i]];
        }
        return TensorData.of(out, shape);
    }

    /** Index counts per codebook entry (for entropy coding). */
    public long[] indexCounts() {
        long[] counts = new long[1 << bits];
        for (int index : indices()) {
            counts[index]++;
        }
        return counts;
    }

    /** The codebook index of every weight, unpacked from {@code bits} bits each (least significant bits first). */
    private int[] indices() {
        int n = Math.toIntExact(numel());
        int[] out = new int[n];
        int mask = (1 << bits) - 1;
        for (int i = 0; i < n; i++) {
            long bit = (long) i * bits;
            int at = (int) (bit >>> 3);
            int offset = (int) (bit & 7);
            int word = packed[at] & 0xFF;
            if (offset + bits > 8) {
                word |= (packed[at + 1] & 0xFF) << 8;
            }
            out[i] = (word >>> offset) & mask;
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PackedTensor p && name.equals(p.name) && Arrays.equals(shape, p.shape) && bits == p.bits
                && Arrays.equals(centroids, p.centroids) && Arrays.equals(packed, p.packed);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(packed);
    }

    @Override
    public String toString() {
        return "PackedTensor[" + name + " " + Arrays.toString(shape) + ", " + bits + " bits, " + centroids.length
                + " centroids]";
    }
}
