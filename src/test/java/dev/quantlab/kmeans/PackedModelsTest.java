package dev.quantlab.kmeans;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.UserFacingException;
import dev.quantlab.model.ModelFiles;
import dev.quantlab.model.PackedModelFile;
import dev.quantlab.model.PackedTensor;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.TensorData;
import dev.quantlab.model.VggArchitecture;
import dev.quantlab.model.VggNet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packed model files: round trips at every bit-width, sizes on disk, damaged files. */
class PackedModelsTest {
    @TempDir
    Path dir;

    private static int[] rawBits(float[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Float.floatToRawIntBits(v[i]);
        }
        return out;
    }

    private static long headerLength(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(b, 0);
            return b.flip().getLong();
        }
    }

    @Test
    void everyBitWidthRoundTripsBitIdenticalAndTakesPackedBytesOnDisk() throws IOException {
        SplittableRandom rnd = new SplittableRandom(19);
        for (int bits = 1; bits <= 8; bits++) {
            float[] values = new float[7 * 5 * 3 * 3 + bits]; // odd counts: the last byte is partly used
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) rnd.nextGaussian();
            }
            long[] shape = {values.length};
            KMeansResult km = KMeans1D.cluster(values, bits, Init.KMEANS_PLUS_PLUS, bits);
            Codebook book = Codebook.of("w", shape, bits, km);
            PackedTensor packed = new PackedTensor("w", shape, bits, book.centroids(), book.labels().toByteArray());
            StateDict rest = new StateDict().put("b", TensorData.of(new float[] {1.5f, -0f, 3f}, 3))
                    .put("n", TensorData.scalarLong(1234567890123L));
            Path file = dir.resolve("w" + bits + ".safetensors");
            PackedModelFile.write(file, new PackedModelFile.Contents(List.of(packed), rest, Map.of("note", "x")));

            PackedModelFile.Contents back = PackedModelFile.read(file);
            assertEquals(List.of(packed), back.packed(), bits + " bits");
            assertEquals(Map.of("note", "x"), back.metadata());
            StateDict decoded = back.decode(List.of("b", "w", "n"));
            assertEquals(List.of("b", "w", "n"), List.copyOf(decoded.asMap().keySet()));
            assertArrayEquals(rawBits(book.decode()), rawBits(decoded.get("w").values()), bits + " bits");
            assertArrayEquals(rawBits(km.quantized()), rawBits(decoded.get("w").values()), bits + " bits");
            assertArrayEquals(rawBits(new float[] {1.5f, -0f, 3f}), rawBits(decoded.get("b").values()));
            assertEquals(1234567890123L, decoded.get("n").longValue());
            long data = (values.length * (long) bits + 7) / 8 + 4L * book.centroids().length + 3 * 4 + 8;
            assertEquals(8 + headerLength(file) + data, Files.size(file), bits + " bits");
        }
    }

    @Test
    void aQuantizedVggLoadsBackBitIdenticalAndItsDataIsTheHonestSize() throws IOException {
        VggArchitecture arch = VggArchitecture.cifarVgg();
        StateDict fp32 = VggNet.initialWeights(3);
        BitWidthPlan plan = BitWidthPlan.uniform(2).with("backbone.conv3.weight", 5).with("classifier.weight", 8);
        QuantizedModel q = new KMeansQuantizer(2, 50).quantize(fp32, plan, Init.LINEAR, 0, (d, t, m) -> { },
                CancellationToken.none());
        Path file = dir.resolve("mixed.safetensors");
        PackedModelFile.write(file, PackedModels.pack(q.stateDict(), plan, Map.of()));

        StateDict back = ModelFiles.load(file);
        assertEquals(List.copyOf(q.stateDict().asMap().keySet()), List.copyOf(back.asMap().keySet()));
        for (String name : q.stateDict().asMap().keySet()) {
            assertArrayEquals(rawBits(q.stateDict().get(name).values()), rawBits(back.get(name).values()), name);
        }
        for (LayerQuantization l : q.layers()) {
            assertArrayEquals(rawBits(l.codebook().decode()), rawBits(back.get(l.layer()).values()), l.layer());
        }
        long runningStats = arch.tensors().stream().filter(s -> !s.kind().isParameter())
                .mapToLong(s -> s.kind() == VggArchitecture.Kind.BN_COUNT ? 8 : 4 * s.numel()).sum();
        assertEquals(q.sizeReport().honestBytes() + runningStats, Files.size(file) - 8 - headerLength(file));
    }

    @Test
    void weightsWithTooManyValuesForTheirBitsAreRefused() {
        StateDict fp32 = VggNet.initialWeights(4);
        UserFacingException e = assertThrows(UserFacingException.class,
                () -> PackedModels.pack(fp32, BitWidthPlan.uniform(8), Map.of()));
        assertTrue(e.getMessage().contains("distinct values, more than 8 bits can index"), e.getMessage());
    }

    @Test
    void anIndexPastItsCodebookIsADamagedFile() throws IOException {
        // 2 bits can index 4 centroids, but this codebook has 3: index 3 (bits 11) points past it
        PackedTensor t = new PackedTensor("w", new long[] {4}, 2, new float[] {1, 2, 3}, new byte[] {(byte) 0b11_10_01_00});
        Path file = dir.resolve("bad.safetensors");
        PackedModelFile.write(file, new PackedModelFile.Contents(List.of(t), new StateDict(), Map.of()));
        UserFacingException e = assertThrows(UserFacingException.class, () -> PackedModelFile.load(file, List.of("w")));
        assertTrue(e.getMessage().contains("index 3 at weight 3 is past its codebook of 3 values"), e.getMessage());
    }

    @Test
    void huffmanSizeAndEntropyMatchHandComputedCodes() {
        // counts 5,2,1,1: Huffman merges 1+1=2, 2+2=4, 4+5=9 -> 15 bits; lengths 1,2,3,3 -> 5+4+3+3 = 15
        assertEquals(15, IndexEntropy.huffmanBits(new long[] {5, 2, 1, 1}));
        double h = -(5 / 9.0 * Math.log(5 / 9.0) + 2 / 9.0 * Math.log(2 / 9.0) + 2 * (1 / 9.0) * Math.log(1 / 9.0))
                / Math.log(2);
        assertEquals(h, IndexEntropy.entropy(new long[] {5, 2, 1, 1, 0}), 1e-12);
        // uniform over 4 symbols: exactly 2 bits each
        assertEquals(2 * 400, IndexEntropy.huffmanBits(new long[] {100, 100, 100, 100}));
        assertEquals(7, IndexEntropy.huffmanBits(new long[] {0, 7}));
    }
}
