package dev.quantlab.app.kmeans;

import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.jobs.StagedProgress;
import dev.quantlab.app.jobs.Work;
import dev.quantlab.app.services.KMeansSettings;
import dev.quantlab.core.UserFacingException;
import dev.quantlab.kmeans.BitWidthPlan;
import dev.quantlab.kmeans.KMeansQuantizer;
import dev.quantlab.kmeans.PackedModels;
import dev.quantlab.kmeans.QuantizedModel;
import dev.quantlab.model.ModelSize;
import dev.quantlab.model.PackedModelFile;
import dev.quantlab.model.StateDict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Saving a k-means model as the CLI's {@code kmeans --save} does: a copy of the fp32 weights quantized at one
 * bit-width, written as a {@link PackedModelFile} (indices packed to b bits, codebooks, fp32 BatchNorm and biases).
 */
final class PackedSave {
    /** What was written: the file, its size on disk and the honest size it should match. */
    record Saved(Path file, double mibOnDisk, double honestMib) { }

    private PackedSave() { }

    static Work<Saved> work(StateDict fp32, int bits, KMeansSettings settings, Path file, Texts texts) {
        return (progress, cancel) -> {
            StagedProgress stages = new StagedProgress(progress, 2);
            BitWidthPlan plan = BitWidthPlan.uniform(bits);
            QuantizedModel q = new KMeansQuantizer().quantize(fp32, plan, settings.init(), settings.seed(),
                    stages.stage(0, texts.t("kmeans.stage.cluster", Integer.toString(bits))), cancel);
            cancel.throwIfCancelled();
            stages.stage(1, texts.t("kmeans.save.writing")).onProgress(0, 1, "");
            try {
                PackedModelFile.write(file, PackedModels.pack(q.stateDict(), plan, Map.of("quantlab.kind", "kmeans",
                        "plan", plan.describe() + ", " + settings.init().name() + ", seed " + settings.seed())));
                return new Saved(file, (double) Files.size(file) / ModelSize.MIB, q.sizeReport().honestMib());
            } catch (IOException e) {
                throw new UserFacingException("Cannot write " + file + ": " + e.getMessage(), e);
            }
        };
    }
}
