package dev.quantlab.mixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggArchitecture;
import dev.quantlab.model.VggNet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sensitivity cells: one layer changed per cell, fp32 untouched, and reruns served from the cache file. */
class SensitivityAnalysisTest {
    @TempDir
    Path dir;

    @Test
    void eachCellChangesOneLayerAndARerunMeasuresNothingNew() {
        StateDict fp32 = VggNet.initialWeights(2);
        float[] conv0Before = fp32.get("backbone.conv0.weight").values().clone();
        List<String> changed = new ArrayList<>();
        ModelScorer scorer = w -> {
            int n = 0;
            for (VggArchitecture.TensorSpec s : VggArchitecture.cifarVgg().weightMatrices()) {
                if (w.get(s.name()) != fp32.get(s.name())) {
                    changed.add(s.name());
                    n++;
                }
            }
            return 90 - n;
        };
        Path file = dir.resolve("cache.json");
        SensitivityTable t = new SensitivityAnalysis(fp32, "h", scorer, 100, SensitivityCache.open(file), 0)
                .run(WeightMethod.LINEAR, List.of(2, 8), ProgressListener.NONE, CancellationToken.none());
        assertEquals(18, changed.size(), "one layer per cell, 9 layers x 2 widths");
        assertEquals(90, t.fp32());
        assertEquals(1.0, t.drop("classifier.weight", 2));
        assertTrue(java.util.Arrays.equals(conv0Before, fp32.get("backbone.conv0.weight").values()));

        changed.clear();
        int[] calls = {0};
        SensitivityTable again = new SensitivityAnalysis(fp32, "h", w -> ++calls[0], 100, SensitivityCache.open(file), 0)
                .run(WeightMethod.LINEAR, List.of(2, 8), ProgressListener.NONE, CancellationToken.none());
        assertEquals(0, calls[0], "every cell came from the cache file");
        assertEquals(t, again);
        new SensitivityAnalysis(fp32, "h", w -> ++calls[0], 200, SensitivityCache.open(file), 0)
                .run(WeightMethod.LINEAR, List.of(2), ProgressListener.NONE, CancellationToken.none());
        assertEquals(10, calls[0], "other images: fp32 and 9 cells measured again");
    }
}
