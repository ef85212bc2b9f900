package dev.quantlab.cli;

import ai.djl.ndarray.NDManager;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.QuantLabHome;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.mixed.DjlScorer;
import dev.quantlab.mixed.ModelHash;
import dev.quantlab.mixed.SensitivityAnalysis;
import dev.quantlab.mixed.SensitivityCache;
import dev.quantlab.mixed.SensitivityTable;
import dev.quantlab.mixed.WeightMethod;
import dev.quantlab.model.StateDict;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Where sensitivity cells are cached and on how many images they are measured; builds the table. */
public final class SensitivityOptions {
    @Option(names = "--cache", paramLabel = "FILE",
            description = "Sensitivity cells measured so far (default: ~/.quantlab/sensitivity-cache.json); reruns "
                    + "on the same model file, method, layer, bits and images reuse them.")
    Path cache;
    @Option(names = "--sensitivity-limit", defaultValue = "1000", paramLabel = "N",
            description = "Measure each sensitivity cell on a class-balanced subset of N test images, 0: all "
                    + "(default: ${DEFAULT-VALUE}).")
    int sensitivityLimit;

    Path cacheFile() {
        return cache != null ? cache : QuantLabHome.dir().resolve("sensitivity-cache.json");
    }

    /** Measures (or reuses) every layer at each of {@code bits}, printing each cell as it comes. */
    SensitivityTable table(NDManager mgr, Path modelFile, StateDict fp32, CifarSplit test, WeightMethod method,
                           List<Integer> bits, int limit, long seed, CancellationToken cancel) {
        DjlScorer scorer = new DjlScorer(mgr, test, limit, cancel);
        SensitivityAnalysis analysis = new SensitivityAnalysis(fp32, ModelHash.of(modelFile), scorer, scorer.images(),
                SensitivityCache.open(cacheFile()), seed);
        System.out.printf(java.util.Locale.ROOT, "sensitivity cells on %d test images, cache %s%n", scorer.images(),
                cacheFile());
        return analysis.run(method, bits, (done, total, msg) -> System.out.println("    [" + done + "/" + total + "] "
                + msg), cancel);
    }
}
