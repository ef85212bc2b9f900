package dev.quantlab.mixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The exact knapsack against brute force over every combination. */
class BudgetSearchTest {

    /** Smallest loss (ties: smallest cost) over all combinations within the budget, by enumeration. */
    private static double[] bruteForce(List<List<BudgetSearch.Option>> items, long budget) {
        int n = items.size();
        int[] idx = new int[n];
        double bestLoss = Double.POSITIVE_INFINITY;
        long bestCost = Long.MAX_VALUE;
        while (true) {
            long cost = 0;
            double loss = 0;
            for (int i = 0; i < n; i++) {
                cost += items.get(i).get(idx[i]).cost();
                loss += items.get(i).get(idx[i]).loss();
            }
            if (cost <= budget && (loss < bestLoss || (loss == bestLoss && cost < bestCost))) {
                bestLoss = loss;
                bestCost = cost;
            }
            int k = 0;
            while (k < n && ++idx[k] == items.get(k).size()) {
                idx[k++] = 0;
            }
            if (k == n) {
                break;
            }
        }
        return bestCost == Long.MAX_VALUE ? null : new double[] {bestLoss, bestCost};
    }

    @Test
    void matchesBruteForceOnRandomSmallInstances() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + rnd.nextInt(6);
            List<List<BudgetSearch.Option>> items = new ArrayList<>();
            long maxTotal = 0;
            for (int i = 0; i < n; i++) {
                List<BudgetSearch.Option> opts = new ArrayList<>();
                int k = 1 + rnd.nextInt(5);
                long maxCost = 0;
                for (int o = 0; o < k; o++) {
                    long cost = rnd.nextInt(50);
                    // integer losses make ties common, which tests the tie rule too
                    opts.add(new BudgetSearch.Option(cost, trial % 2 == 0 ? rnd.nextInt(10) : rnd.nextDouble() * 10));
                    maxCost = Math.max(maxCost, cost);
                }
                maxTotal += maxCost;
                items.add(opts);
            }
            long budget = rnd.nextLong(maxTotal + 2);
            double[] expected = bruteForce(items, budget);
            BudgetSearch.Choice got = BudgetSearch.best(items, budget);
            if (expected == null) {
                assertNull(got, "trial " + trial);
                continue;
            }
            assertEquals(expected[0], got.loss(), 1e-9, "trial " + trial);
            assertEquals((long) expected[1], got.cost(), "trial " + trial);
            long cost = 0;
            double loss = 0;
            int[] c = got.choice();
            for (int i = 0; i < n; i++) {
                cost += items.get(i).get(c[i]).cost();
                loss += items.get(i).get(c[i]).loss();
            }
            assertEquals(got.cost(), cost, "trial " + trial);
            assertEquals(got.loss(), loss, 1e-9, "trial " + trial);
        }
    }

    @Test
    void aBudgetBelowTheCheapestChoiceHasNoPlan() {
        List<List<BudgetSearch.Option>> items = List.of(List.of(new BudgetSearch.Option(5, 1)),
                List.of(new BudgetSearch.Option(3, 0), new BudgetSearch.Option(4, 0)));
        assertNull(BudgetSearch.best(items, 7));
        assertEquals(8, BudgetSearch.best(items, 8).cost());
    }
}
