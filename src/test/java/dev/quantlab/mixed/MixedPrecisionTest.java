package dev.quantlab.mixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.kmeans.BitWidthPlan;
import dev.quantlab.kmeans.SizeReport;
import dev.quantlab.model.VggArchitecture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Mixed-precision choice on the real VGG's sizes against enumerating every plan of three widths per layer. */
class MixedPrecisionTest {
    private static final VggArchitecture ARCH = VggArchitecture.cifarVgg();
    private static final int[] WIDTHS = {2, 3, 5};

    private static SensitivityTable randomTable(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Map<String, Map<Integer, Double>> acc = new LinkedHashMap<>();
        for (VggArchitecture.TensorSpec s : ARCH.weightMatrices()) {
            Map<Integer, Double> row = new LinkedHashMap<>();
            double drop = 20 * rnd.nextDouble();
            for (int b : WIDTHS) {
                row.put(b, 90 - drop);
                drop *= rnd.nextDouble();
            }
            acc.put(s.name(), row);
        }
        return new SensitivityTable(WeightMethod.KMEANS, 1000, 90, acc);
    }

    /** The size of a plan counted independently: SizeReport's two rules (its honest size has the full codebooks). */
    private static double sizeMib(SizeRule rule, int[] bits) {
        BitWidthPlan plan = BitWidthPlan.uniform(8);
        List<VggArchitecture.TensorSpec> layers = ARCH.weightMatrices();
        for (int i = 0; i < layers.size(); i++) {
            plan = plan.with(layers.get(i).name(), bits[i]);
        }
        SizeReport r = SizeReport.estimate(ARCH, plan);
        return rule == SizeRule.LESSON ? r.lessonMib() : r.honestMib();
    }

    private static final Map<String, Double> SIZES = new java.util.HashMap<>();

    private static double cachedSize(SizeRule rule, int[] bits) {
        return SIZES.computeIfAbsent(rule + java.util.Arrays.toString(bits), k -> sizeMib(rule, bits));
    }

    private static double[] bruteForce(SensitivityTable table, SizeRule rule, double budgetMib) {
        List<VggArchitecture.TensorSpec> layers = ARCH.weightMatrices();
        int n = layers.size();
        int[] idx = new int[n];
        double best = Double.POSITIVE_INFINITY;
        double bestSize = 0;
        while (true) {
            int[] bits = new int[n];
            double drop = 0;
            for (int i = 0; i < n; i++) {
                bits[i] = WIDTHS[idx[i]];
                drop += table.drop(layers.get(i).name(), bits[i]);
            }
            double size = cachedSize(rule, bits);
            if (size <= budgetMib + 1e-12 && (drop < best - 1e-12 || (Math.abs(drop - best) <= 1e-12 && size < bestSize))) {
                best = drop;
                bestSize = size;
            }
            int k = 0;
            while (k < n && ++idx[k] == WIDTHS.length) {
                idx[k++] = 0;
            }
            if (k == n) {
                break;
            }
        }
        return best == Double.POSITIVE_INFINITY ? null : new double[] {best, bestSize};
    }

    @Test
    void theChosenPlanIsTheBestOfAllPlansUnderBothRules() {
        for (long seed = 1; seed <= 3; seed++) {
            SensitivityTable table = randomTable(seed);
            for (SizeRule rule : SizeRule.values()) {
                for (double budget : new double[] {2.3, 2.8, 3.3, 4.0}) {
                    double[] expected = bruteForce(table, rule, budget);
                    MixedPlan got = MixedPrecision.choose(table, rule, budget);
                    assertNotNull(expected);
                    assertNotNull(got);
                    String what = rule + " " + budget + " MiB, seed " + seed;
                    assertEquals(expected[0], got.predictedDrop(), 1e-9, what);
                    int[] bits = got.bits().values().stream().mapToInt(Integer::intValue).toArray();
                    assertEquals(sizeMib(rule, bits), got.sizeMib(), 1e-9, what);
                    assertTrue(got.sizeMib() <= budget, what);
                }
            }
        }
    }

    @Test
    void aBudgetBelowTheSmallestMeasuredPlanHasNone() {
        // every layer at 2 bits is the smallest plan of the table: 2.20 MiB by the lesson's rule
        assertNull(MixedPrecision.choose(randomTable(1), SizeRule.LESSON, 2.19));
        assertNotNull(MixedPrecision.choose(randomTable(1), SizeRule.LESSON, 2.21));
    }
}
