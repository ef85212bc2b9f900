package dev.quantlab.mixed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Exact multiple-choice knapsack: pick one option per item so that the summed cost stays within a budget and
 * the summed loss is smallest. Dynamic programming over Pareto fronts: after each item only the (cost, loss)
 * pairs that no other pair beats on both are kept, so the search is exact (nothing a later item could need
 * is dropped) and small (a front never holds more pairs than distinct costs). Ties in loss go to the cheaper
 * choice.
 */
public final class BudgetSearch {
    private BudgetSearch() { }

    /**
     * One option of an item.
     *
     * @param cost a non-negative cost
     * @param loss the predicted loss of taking it
     */
    public record Option(long cost, double loss) { }

    /**
     * The best choice.
     *
     * @param choice index of the chosen option per item
     * @param cost   summed cost
     * @param loss   summed loss
     */
    public record Choice(int[] choice, long cost, double loss) {
        @Override
        public int[] choice() {
            return choice.clone();
        }
    }

    private record Node(long cost, double loss, Node parent, int option) { }

    /**
     * The cheapest-loss choice within {@code budget}, or {@code null} if even the cheapest options exceed it.
     *
     * @param items per item, its options (at least one each)
     */
    public static Choice best(List<List<Option>> items, long budget) {
        List<Node> front = List.of(new Node(0, 0, null, -1));
        for (List<Option> options : items) {
            if (options.isEmpty()) {
                throw new IllegalArgumentException("every item needs at least one option");
            }
            List<Node> next = new ArrayList<>();
            for (Node n : front) {
                for (int o = 0; o < options.size(); o++) {
                    Option opt = options.get(o);
                    long cost = n.cost + opt.cost();
                    if (cost <= budget) {
                        next.add(new Node(cost, n.loss + opt.loss(), n, o));
                    }
                }
            }
            front = pareto(next);
            if (front.isEmpty()) {
                return null;
            }
        }
        Node best = front.stream().min(Comparator.comparingDouble(Node::loss).thenComparingLong(Node::cost)).get();
        int[] choice = new int[items.size()];
        Node n = best;
        for (int i = items.size() - 1; i >= 0; i--) {
            choice[i] = n.option;
            n = n.parent;
        }
        return new Choice(choice, best.cost, best.loss);
    }

    /** Keeps the pairs not dominated: sorted by cost, each kept pair has a strictly smaller loss than all cheaper. */
    private static List<Node> pareto(List<Node> nodes) {
        Node[] sorted = nodes.toArray(new Node[0]);
        Arrays.sort(sorted, Comparator.comparingLong(Node::cost).thenComparingDouble(Node::loss));
        List<Node> out = new ArrayList<>();
        double bestLoss = Double.POSITIVE_INFINITY;
        for (Node n : sorted) {
            if (n.loss < bestLoss) {
                out.add(n);
                bestLoss = n.loss;
            }
        }
        return out;
    }
}
