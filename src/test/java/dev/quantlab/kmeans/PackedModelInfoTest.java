package dev.quantlab.kmeans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.core.CancellationToken;
import dev.quantlab.model.PackedModelFile;
import dev.quantlab.model.SafetensorsFile;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.TensorData;
import dev.quantlab.model.VggArchitecture;
import dev.quantlab.model.VggNet;
import dev.quantlab.results.Method;
import dev.quantlab.results.RunRecord;
import dev.quantlab.results.RunRecords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A packed file says what model it is: its widths and sizes equal those of the k-means model that wrote it (the
 * quantizer's own {@link SizeReport}), whether QAT made it, and an fp32 weights file is not taken for one.
 */
class PackedModelInfoTest {
    @TempDir
    Path dir;

    private static QuantizedModel quantize(StateDict fp32, BitWidthPlan plan) {
        return new KMeansQuantizer(2, 50).quantize(fp32, plan, Init.LINEAR, 0, (d, t, m) -> { },
                CancellationToken.none());
    }

    @Test
    void aUniformFileGivesItsWidthAndTheQuantizersSizes() throws IOException {
        QuantizedModel q = quantize(VggNet.initialWeights(3), BitWidthPlan.uniform(2));
        Path file = dir.resolve("kmeans-2bit.safetensors");
        PackedModelFile.write(file, PackedModels.pack(q.stateDict(), q.plan(), Map.of("plan", "2-bit")));

        PackedModelInfo info = PackedModelInfo.read(file).orElseThrow();
        assertEquals(BitWidthPlan.uniform(2), info.plan());
        assertEquals(q.sizeReport(), info.size());
        assertEquals(2.20, info.size().lessonMib(), 0.005);
        assertEquals(Files.size(file), info.bytesOnDisk());
        assertFalse(info.fineTuned(), "no training metadata: k-means alone");
        assertEquals("k-means 2-bit", info.label());

        RunRecord rec = RunRecords.packed(info, "kmeans-2bit.safetensors", 81.5, 100);
        assertEquals(Method.KMEANS, rec.method());
        assertEquals(2, rec.weightBits());
        assertEquals(q.sizeReport().lessonMib(), rec.lessonMib(), 1e-9);
        assertEquals(q.sizeReport().honestMib(), rec.storedMib(), 1e-9);
        assertEquals("packed file=kmeans-2bit.safetensors", rec.note());
    }

    @Test
    void aMixedFileMadeByQatIsRecordedAsMixedKMeansWithQat() throws IOException {
        BitWidthPlan plan = BitWidthPlan.uniform(2).with("backbone.conv0.weight", 5).with("classifier.weight", 8);
        QuantizedModel q = quantize(VggNet.initialWeights(4), plan);
        Path file = dir.resolve("mixed.safetensors");
        PackedModelFile.write(file, PackedModels.pack(q.stateDict(), plan,
                Map.of(PackedModelInfo.TRAINING, PackedModelInfo.QAT)));

        PackedModelInfo info = PackedModelInfo.read(file).orElseThrow();
        assertTrue(info.fineTuned());
        assertEquals(8, info.maxBits());
        for (VggArchitecture.TensorSpec spec : VggArchitecture.cifarVgg().weightMatrices()) {
            assertEquals(plan.bitsFor(spec), info.plan().bitsFor(spec), spec.name());
        }
        assertEquals(q.sizeReport(), info.size());
        RunRecord rec = RunRecords.packed(info, "mixed.safetensors", 90.0, 100);
        assertEquals(Method.KMEANS_QAT, rec.method());
        assertTrue(rec.isMixed(), rec.note());
        assertTrue(rec.note().endsWith("fc=8; packed file=mixed.safetensors"), rec.note());
        assertTrue(info.label().startsWith("k-means mixed conv0=5 conv1=2"), info.label());
        assertTrue(info.label().endsWith("fc=8 + QAT"), info.label());
    }

    @Test
    void anFp32WeightsFileIsNotAPackedOne() throws IOException {
        Path file = dir.resolve("fp32.safetensors");
        SafetensorsFile.write(file, VggNet.initialWeights(1), Map.of(), TensorData.DType.F32);
        assertTrue(PackedModelInfo.read(file).isEmpty());
    }
}
