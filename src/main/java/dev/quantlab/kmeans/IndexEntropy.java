package dev.quantlab.kmeans;

import dev.quantlab.model.PackedTensor;
import java.util.PriorityQueue;

/**
 * How much Huffman coding of one layer's centroid indices would save (Deep Compression's third stage): the
 * packed size at a fixed {@code bits} per index against the Shannon entropy of the index distribution and the
 * size of an optimal prefix (Huffman) code for it, codebook not counted.
 *
 * @param layer        the layer
 * @param count        number of indices
 * @param bits         fixed bits per index
 * @param entropyBits  Shannon entropy in bits per index (a lower bound for any prefix code)
 * @param huffmanBits  total bits of the Huffman-coded indices
 */
public record IndexEntropy(String layer, long count, int bits, double entropyBits, long huffmanBits) {

    /** The entropy and Huffman size of {@code tensor}'s indices. */
    public static IndexEntropy of(PackedTensor tensor) {
        long[] counts = tensor.indexCounts();
        return new IndexEntropy(tensor.name(), tensor.numel(), tensor.bits(), entropy(counts), huffmanBits(counts));
    }

    /** Shannon entropy in bits per symbol of a histogram (0 for one used symbol). */
    public static double entropy(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                double p = (double) c / total;
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        return h;
    }

    /**
     * Total bits of a Huffman code for a histogram: the sum of the merged weights while building the tree.
     * One used symbol still costs one bit per occurrence.
     */
    public static long huffmanBits(long[] counts) {
        PriorityQueue<Long> queue = new PriorityQueue<>();
        for (long c : counts) {
            if (c > 0) {
                queue.add(c);
            }
        }
        if (queue.size() == 1) {
            return queue.peek();
        }
        long total = 0;
        while (queue.size() > 1) {
            long merged = queue.poll() + queue.poll();
            total += merged;
            queue.add(merged);
        }
        return total;
    }

    /** Packed index bytes at the fixed width. */
    public long packedBytes() {
        return PackedTensor.packedBytes(count, bits);
    }

    /** Huffman-coded index bytes. */
    public long huffmanBytes() {
        return (huffmanBits + 7) / 8;
    }

    /** Average Huffman code length in bits per index. */
    public double huffmanBitsPerIndex() {
        return (double) huffmanBits / count;
    }
}
