package dev.quantlab.cli;

import dev.quantlab.kmeans.BitWidthPlan;
import dev.quantlab.kmeans.IndexEntropy;
import dev.quantlab.kmeans.PackedModelInfo;
import dev.quantlab.kmeans.PackedModels;
import dev.quantlab.kmeans.SizeReport;
import dev.quantlab.kmeans.qat.QatResult;
import dev.quantlab.model.ModelSize;
import dev.quantlab.model.PackedModelFile;
import dev.quantlab.model.PackedTensor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Writes a weight-shared model as a packed file and prints its size on disk and the Huffman saving per layer. */
final class PackedSaver {
    private final PrintStream out;

    PackedSaver(PrintStream out) {
        this.out = out;
    }

    /** The file name for a plan: {@code kmeans-2bit.safetensors}, {@code kmeans-mixed-2.19MiB.safetensors}. */
    static String fileName(String label) {
        return "kmeans-" + label.replaceAll("[^A-Za-z0-9.]+", "") + ".safetensors";
    }

    /**
     * Packs and writes {@code r}'s best weights (marked as QAT's when fine-tuning ran); prints the file's size next
     * to the honest size and the entropy table.
     */
    void save(Path file, QatResult r) throws IOException {
        BitWidthPlan plan = r.quantized().plan();
        SizeReport size = r.quantized().sizeReport();
        PackedModelFile.Contents contents = PackedModels.pack(r.bestWeights(), plan, Map.of("quantlab.kind", "kmeans",
                "plan", r.planDescription(), PackedModelInfo.TRAINING, r.trained() ? PackedModelInfo.QAT : "none"));
        PackedModelFile.write(file, contents);
        long onDisk = Files.size(file);
        out.printf(Locale.ROOT, "    saved %s: %d bytes on disk (%s), honest size %s, lesson's rule %s%n", file, onDisk,
                ModelSize.formatMib((double) onDisk / ModelSize.MIB), ModelSize.formatMib(size.honestMib()),
                ModelSize.formatMib(size.lessonMib()));
        long huffman = 0;
        long packed = 0;
        out.printf(Locale.ROOT, "    %-26s %4s %10s %9s %10s %10s%n", "layer", "bits", "packed B", "entropy",
                "Huffman b/w", "Huffman B");
        for (PackedTensor t : contents.packed()) {
            IndexEntropy e = IndexEntropy.of(t);
            packed += e.packedBytes();
            huffman += e.huffmanBytes();
            out.printf(Locale.ROOT, "    %-26s %4d %10d %9.3f %10.3f %10d%n", t.name(), t.bits(), e.packedBytes(),
                    e.entropyBits(), e.huffmanBitsPerIndex(), e.huffmanBytes());
        }
        out.printf(Locale.ROOT, "    indices: %d bytes packed, %d bytes Huffman-coded (%.1f%% saved; code tables not"
                + " counted)%n", packed, huffman, 100.0 * (packed - huffman) / packed);
    }
}
