package dev.quantlab.kmeans;

import java.util.Arrays;

/**
 * One layer's k-means quantization: a codebook of float centroids and, per weight, the index of its
 * centroid packed at {@code bits} bits. {@code centroids.length} may be below {@code 2^bits} when the
 * layer had fewer distinct values.
 *
 * @param layer     the state-dict name of the weight tensor
 * @param shape     the tensor's shape
 * @param bits      bits per index
 * @param centroids the codebook, ascending (owned by this record: do not modify)
 * @param labels    the packed indices, in the tensor's order
 */
public record Codebook(String layer, long[] shape, int bits, float[] centroids, PackedLabels labels) {

    /** Validates bit-width, codebook length and that the labels match the bit-width. */
    public Codebook {
        BitWidth.check(bits);
        if (centroids.length < 1 || centroids.length > (1 << bits)) {
            throw new IllegalArgumentException("a " + bits + "-bit codebook holds 1.." + (1 << bits)
                    + " centroids, got " + centroids.length);
        }
        if (labels.bits() != bits) {
            throw new IllegalArgumentException("labels packed at " + labels.bits() + " bits, codebook has " + bits);
        }
        shape = shape.clone();
    }

    /** Builds a codebook from a clustering. */
    public static Codebook of(String layer, long[] shape, int bits, KMeansResult result) {
        return new Codebook(layer, shape, bits, result.centroids(), PackedLabels.pack(result.labels(), bits));
    }

    /** Number of weights. */
    public int size() {
        return labels.length();
    }

    /** The centroid of weight {@code i}. */
    public float weight(int i) {
        return centroids[labels.get(i)];
    }

    /** The quantized tensor, every weight replaced by its centroid (a new array). */
    public float[] decode() {
        float[] out = new float[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = weight(i);
        }
        return out;
    }

    /** Bytes of the packed indices: {@code ceil(n * bits / 8)}. */
    public long indexBytes() {
        return labels.byteSize();
    }

    /** Bytes of the codebook at float32: {@code 4 * centroids.length}. */
    public long codebookBytes() {
        return 4L * centroids.length;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Codebook c && layer.equals(c.layer) && Arrays.equals(shape, c.shape) && bits == c.bits
                && Arrays.equals(centroids, c.centroids) && labels.equals(c.labels);
    }

    @Override
    public int hashCode() {
        return layer.hashCode() * 31 + Arrays.hashCode(centroids);
    }

    @Override
    public String toString() {
        return "Codebook[" + layer + " " + Arrays.toString(shape) + ", " + bits + " bits, " + centroids.length
                + " centroids]";
    }
}
