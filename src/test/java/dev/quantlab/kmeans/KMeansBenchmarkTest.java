package dev.quantlab.kmeans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.model.VggNet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Runs the full benchmark only on request: {@code -Dquantlab.bench=true} (takes tens of seconds). */
class KMeansBenchmarkTest {

    @Test
    @EnabledIfSystemProperty(named = "quantlab.bench", matches = "true")
    void benchmarkTheWholeVgg() {
        List<KMeansBenchmark.Row> rows = new KMeansBenchmark().run(VggNet.initialWeights(0), System.out);
        assertEquals(3, rows.size());
        rows.forEach(r -> assertTrue(r.speedUp() > 1, "1-D beats dense at " + r.bits() + " bits"));
    }
}
