package dev.quantlab.app.baseline;

import dev.quantlab.app.export.DataTable;
import dev.quantlab.data.CifarClasses;
import dev.quantlab.eval.EvalResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An evaluation result as CSV tables: accuracy per class, and the confusion matrix. */
final class EvalTables {
    private EvalTables() { }

    static DataTable perClass(EvalResult r) {
        List<List<String>> rows = new ArrayList<>();
        double[] pc = r.perClassPercent();
        long[][] m = r.confusion();
        for (int c = 0; c < pc.length; c++) {
            long total = 0;
            for (long v : m[c]) {
                total += v;
            }
            rows.add(List.of(CifarClasses.NAMES.get(c), Long.toString(m[c][c]), Long.toString(total),
                    String.format(Locale.ROOT, "%.2f", pc[c])));
        }
        rows.add(List.of("all", Integer.toString(r.correct()), Integer.toString(r.images()),
                String.format(Locale.ROOT, "%.2f", r.accuracyPercent())));
        return new DataTable("baseline-per-class-accuracy", List.of("class", "correct", "images", "accuracy_percent"),
                rows);
    }

    static DataTable confusion(EvalResult r) {
        List<String> headers = new ArrayList<>();
        headers.add("true \\ predicted");
        headers.addAll(CifarClasses.NAMES);
        List<List<String>> rows = new ArrayList<>();
        long[][] m = r.confusion();
        for (int t = 0; t < m.length; t++) {
            List<String> row = new ArrayList<>();
            row.add(CifarClasses.NAMES.get(t));
            for (long v : m[t]) {
                row.add(Long.toString(v));
            }
            rows.add(row);
        }
        return new DataTable("baseline-confusion-matrix", headers, rows);
    }
}
