package dev.quantlab.mixed;

import dev.quantlab.model.VggArchitecture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses a bit-width per weight matrix that minimises the predicted accuracy drop (the sum of the per-layer
 * drops of a {@link SensitivityTable}) within a size budget, exactly ({@link BudgetSearch}). Under the lesson's
 * rule the BN parameters and bias count at the plan's largest width, so the search runs once per largest width
 * {@code m} (widths capped at {@code m}) and keeps the best; under the honest rule they cost fp32 regardless.
 * Only measured (layer, width) cells are candidates.
 */
public final class MixedPrecision {
    private MixedPrecision() { }

    /**
     * The best plan within {@code budgetMib}, or {@code null} if no plan of measured widths fits.
     */
    public static MixedPlan choose(SensitivityTable table, SizeRule rule, double budgetMib) {
        VggArchitecture arch = VggArchitecture.cifarVgg();
        long budget = (long) Math.floor(budgetMib * 8 * (1 << 20));
        List<VggArchitecture.TensorSpec> layers = arch.weightMatrices();
        MixedPlan best = null;
        List<Integer> caps = rule == SizeRule.LESSON ? List.of(1, 2, 3, 4, 5, 6, 7, 8) : List.of(8);
        for (int cap : caps) {
            long fixed = rule.otherBits(arch, cap);
            List<List<BudgetSearch.Option>> items = new ArrayList<>();
            List<List<Integer>> widths = new ArrayList<>();
            for (VggArchitecture.TensorSpec spec : layers) {
                List<BudgetSearch.Option> opts = new ArrayList<>();
                List<Integer> ws = new ArrayList<>();
                Map<Integer, Double> row = table.accuracies().getOrDefault(spec.name(), Map.of());
                for (Map.Entry<Integer, Double> e : row.entrySet()) {
                    if (e.getKey() <= cap) {
                        opts.add(new BudgetSearch.Option(rule.layerBits(table.method(), spec, e.getKey()),
                                table.fp32() - e.getValue()));
                        ws.add(e.getKey());
                    }
                }
                if (opts.isEmpty()) {
                    opts = null;
                    break;
                }
                items.add(opts);
                widths.add(ws);
            }
            if (items.size() != layers.size() || budget - fixed < 0) {
                continue;
            }
            BudgetSearch.Choice c = BudgetSearch.best(items, budget - fixed);
            if (c == null) {
                continue;
            }
            Map<String, Integer> bits = new LinkedHashMap<>();
            int[] pick = c.choice();
            int max = 0;
            for (int i = 0; i < layers.size(); i++) {
                int b = widths.get(i).get(pick[i]);
                bits.put(layers.get(i).name(), b);
                max = Math.max(max, b);
            }
            long size = c.cost() + rule.otherBits(arch, max);
            MixedPlan plan = new MixedPlan(bits, rule, size, c.loss());
            if (best == null || plan.predictedDrop() < best.predictedDrop()
                    || (plan.predictedDrop() == best.predictedDrop() && plan.sizeBits() < best.sizeBits())) {
                best = plan;
            }
        }
        return best;
    }
}
