package dev.quantlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.CliRun;
import dev.quantlab.mixed.ModelHash;
import dev.quantlab.mixed.SensitivityCache;
import dev.quantlab.model.SafetensorsFile;
import dev.quantlab.model.TensorData;
import dev.quantlab.model.VggArchitecture;
import dev.quantlab.model.VggNet;
import dev.quantlab.results.Method;
import dev.quantlab.results.ResultsJson;
import dev.quantlab.results.RunRecord;
import dev.quantlab.testing.Cifar10;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kmeans --budget} in-process on cached sensitivity cells whose best plan is known: the plan it prints and
 * measures, and its records marked as mixed precision.
 */
class KMeansBudgetCliTest {
    private static final int CELL_IMAGES = 100;
    @TempDir
    Path dir;

    @Tag(Cifar10.TAG)
    @Test
    void theBudgetPlanIsMeasuredAndRecordedAsMixedPrecision() throws Exception {
        Path model = dir.resolve("vgg.safetensors");
        SafetensorsFile.write(model, VggNet.initialWeights(5), Map.of(), TensorData.DType.F32);
        // widths 4-8 lose nothing, 3 bits 0.1, 2 bits 0.5, 1 bit 50 points; conv0 loses 20 at 2 bits and 5 at 3:
        // within uniform 2-bit's size plus conv0's two extra bits, the best plan is conv0 at 4 bits, the rest at 2
        Path cacheFile = dir.resolve("cache.json");
        SensitivityCache cache = SensitivityCache.open(cacheFile);
        String hash = ModelHash.of(model);
        cache.put(SensitivityCache.key(hash, "fp32", "fp32", 32, CELL_IMAGES), 90.0);
        for (VggArchitecture.TensorSpec spec : VggArchitecture.cifarVgg().weightMatrices()) {
            boolean first = spec.name().equals("backbone.conv0.weight");
            double[] drops = {50, first ? 20 : 0.5, first ? 5 : 0.1, 0, 0, 0, 0, 0};
            for (int b = 1; b <= 8; b++) {
                cache.put(SensitivityCache.key(hash, "kmeans:seed42", spec.name(), b, CELL_IMAGES), 90.0 - drops[b - 1]);
            }
        }
        byte[] cells = Files.readAllBytes(cacheFile);
        // conv0's 1,728 weights at 4 instead of 2 bits: 3,456 bits, plus 12 more float32 centroids: 384 bits
        double uniform2 = 2.2201;
        double budget = uniform2 + (3456 + 384) / 8.0 / (1 << 20);
        Path record = dir.resolve("runs.json");
        CliRun.Result r = CliRun.inProcess("kmeans", "--model", model.toString(), "--data", Cifar10.root().toString(),
                "--budget", String.format(java.util.Locale.ROOT, "%.6f", budget), "--sensitivity-limit",
                Integer.toString(CELL_IMAGES), "--cache", cacheFile.toString(), "--limit", "20", "--record",
                record.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        String plan = "conv0=4 conv1=2 conv2=2 conv3=2 conv4=2 conv5=2 conv6=2 conv7=2 fc=2";
        assertTrue(r.out().contains("predicted drop 4.00 points): " + plan), r.out());
        assertTrue(r.out().contains("k-means quantizing model into mixed " + plan), r.out());
        assertTrue(java.util.Arrays.equals(cells, Files.readAllBytes(cacheFile)), "every cell came from the cache");

        List<RunRecord> runs = ResultsJson.read(Files.readAllBytes(record)).runs();
        RunRecord mixed = runs.stream().filter(x -> x.method() == Method.KMEANS).findFirst().orElseThrow();
        assertTrue(mixed.isMixed(), mixed.note());
        assertEquals("mixed", mixed.bitsLabel());
        assertTrue(mixed.note().startsWith("mixed precision: " + plan + "; "), mixed.note());
        assertEquals(4, mixed.weightBits(), "the largest width");
        assertTrue(mixed.storedMib() <= budget, mixed.storedMib() + " within " + budget);
        assertFalse(runs.stream().anyMatch(x -> x.method() == Method.KMEANS && !x.isMixed()));
    }
}
