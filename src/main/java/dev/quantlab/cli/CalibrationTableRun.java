package dev.quantlab.cli;

import ai.djl.ndarray.NDManager;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.linear.IntegerVggConfig;
import dev.quantlab.linear.RangeObserver;
import dev.quantlab.linear.pipeline.CalibrationComparison;
import dev.quantlab.linear.pipeline.CalibrationComparison.Cell;
import dev.quantlab.linear.pipeline.CalibrationComparison.Method;
import dev.quantlab.linear.pipeline.CalibrationComparison.Widths;
import dev.quantlab.model.StateDict;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** {@code linear --calibration-table}: accuracy per activation calibration method and bit-widths, printed. */
final class CalibrationTableRun {
    /** The percentile row's percentile when {@code --percentile} is left at 100. */
    static final double DEFAULT_PERCENTILE = 99.99;

    private CalibrationTableRun() { }

    static void run(PrintStream out, StateDict fp32, CifarSplit train, CifarSplit test, IntegerVggConfig base,
            List<Widths> widths, CalibrationComparison.Settings settings, int limit) {
        CalibrationComparison comparison = new CalibrationComparison(settings, CancellationToken.none());
        try (NDManager mgr = NDManager.newBaseManager()) {
            RangeObserver observed = comparison.observe(mgr, fp32, train, new ConsoleProgress("calibration"));
            out.printf(Locale.ROOT, "calibration: %d batch(es) of %d training images; percentile row at %s%n",
                    observed.batchCount(), settings.batchSize(), settings.percentile());
            List<Cell> cells = comparison.run(observed, fp32, test, widths, List.of(Method.values()), limit,
                    c -> out.printf(Locale.ROOT, "%s %s: accuracy=%.2f%% on %d test images (%.1f min)%n",
                            c.widths().label(), c.method().label(), c.accuracyPercent(), c.images(), c.seconds() / 60),
                    new ConsoleProgress("integer"));
            print(out, cells, widths, settings.percentile());
        }
    }

    static void print(PrintStream out, List<Cell> cells, List<Widths> widths, double percentile) {
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-42s", "activation ranges"));
        widths.forEach(w -> head.append(String.format(Locale.ROOT, " %8s", w.label())));
        out.println(head);
        for (Method m : Method.values()) {
            String label = m == Method.PERCENTILE ? m.label() + " " + percentile : m.label();
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-42s", label));
            for (Widths w : widths) {
                String v = cells.stream().filter(c -> c.method() == m && c.widths().equals(w)).findFirst()
                        .map(c -> String.format(Locale.ROOT, "%.2f%%", c.accuracyPercent())).orElse("-");
                row.append(String.format(Locale.ROOT, " %8s", v));
            }
            out.println(row);
        }
    }
}
