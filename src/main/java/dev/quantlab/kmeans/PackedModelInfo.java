package dev.quantlab.kmeans;

import dev.quantlab.model.ModelSize;
import dev.quantlab.model.PackedModelFile;
import dev.quantlab.model.PackedTensor;
import dev.quantlab.model.VggArchitecture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a packed k-means file ({@link PackedModelFile}) holds, read from the file itself: each weight matrix's
 * width, the model's sizes, the file's size on disk and whether QAT made the weights. Loading such a file gives
 * fp32 tensors (the decoded codebook values), but the model is the k-means model, and says so.
 *
 * @param plan        each weight matrix's bit-width
 * @param size        the lesson's rule and the honest size, from the file's own codebooks
 * @param bytesOnDisk the file's length
 * @param fineTuned   whether the file says QAT fine-tuned its weights ({@link #TRAINING} = {@value #QAT})
 */
public record PackedModelInfo(BitWidthPlan plan, SizeReport size, long bytesOnDisk, boolean fineTuned) {
    /** The metadata key that says how the weights were made after k-means. */
    public static final String TRAINING = "quantlab.training";
    /** {@link #TRAINING}'s value for QAT. */
    public static final String QAT = "qat";

    /** The file's description when it is a packed file; empty for any other (fp32) weights file. */
    public static Optional<PackedModelInfo> read(Path file) {
        if (!PackedModelFile.isPacked(file)) {
            return Optional.empty();
        }
        PackedModelFile.Contents contents = PackedModelFile.read(file);
        Map<String, Integer> bits = new LinkedHashMap<>();
        for (PackedTensor t : contents.packed()) {
            bits.put(t.name(), t.bits());
        }
        BitWidthPlan plan = BitWidthPlan.perLayer(bits);
        try {
            return Optional.of(new PackedModelInfo(plan, SizeReport.ofPacked(plan, contents.packed()),
                    Files.size(file), QAT.equals(contents.metadata().get(TRAINING))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "k-means 2-bit", "k-means 2-bit + QAT", "k-means mixed conv0=5 conv1=2 ...". */
    public String label() {
        return "k-means " + plan.describe() + (fineTuned ? " + QAT" : "");
    }

    /** The widest layer's bits (the width a uniform plan has). */
    public int maxBits() {
        return plan.maxBits(VggArchitecture.cifarVgg());
    }

    /** "2,356,048 bytes (2.25 MiB)". */
    public String diskSize() {
        return String.format(Locale.ROOT, "%,d bytes (%s)", bytesOnDisk,
                ModelSize.formatMib((double) bytesOnDisk / ModelSize.MIB));
    }
}
