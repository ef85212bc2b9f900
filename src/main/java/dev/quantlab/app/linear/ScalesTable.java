package dev.quantlab.app.linear;

import dev.quantlab.app.common.FittedColumns;
import dev.quantlab.app.export.DataTable;
import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.services.Numbers;
import dev.quantlab.linear.MinMax;
import dev.quantlab.linear.QuantParams;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;

/**
 * Scales and zero points per layer: the weights' per-channel scales (min / max / mean; Z = 0) and, once
 * calibrated, the S and Z of each layer's input and output with the real ranges they come from.
 */
final class ScalesTable extends TableView<ScalesTable.Row> {
    /** One layer: its weights at the current bit width and its activations (null before calibration). */
    record Row(LayerQuantization weights, ActivationParams activations) { }

    private final Texts texts;
    private final FittedColumns<Row> columns = new FittedColumns<>(this);

    ScalesTable(Texts texts) {
        this.texts = texts;

        setId("scalesTable");
        setPlaceholder(new Label(texts.t("linear.histogram.empty")));
        columns.add(texts.t("linear.scales.layer"), texts.t("linear.scales.layer.tip"), r -> r.weights().layer());
        numeric("linear.scales.wMin", r -> Numbers.real(r.weights().scaleMin()));
        numeric("linear.scales.wMax", r -> Numbers.real(r.weights().scaleMax()));
        numeric("linear.scales.wMean", r -> Numbers.real(r.weights().scaleMean()));
        numeric("linear.scales.inRange", r -> r.activations() == null ? Numbers.NONE
                : range(r.activations().inputRange()));
        numeric("linear.scales.sIn", r -> scale(r.activations() == null ? null : r.activations().input()));
        numeric("linear.scales.zIn", r -> zero(r.activations() == null ? null : r.activations().input()));
        numeric("linear.scales.outRange", r -> r.activations() == null ? Numbers.NONE
                : range(r.activations().outputRange()));
        numeric("linear.scales.sOut", r -> scale(r.activations() == null ? null : r.activations().output()));
        numeric("linear.scales.zOut", r -> zero(r.activations() == null ? null : r.activations().output()));
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        columns.fit(); // ten columns: scroll sideways rather than squeeze
    }

    void show(LinearPreviews.Preview p) {
        getItems().setAll(rows(p));
    }

    static List<Row> rows(LinearPreviews.Preview p) {
        List<Row> rows = new ArrayList<>();
        if (p != null) {
            for (int i = 0; i < p.layers().size(); i++) {
                rows.add(new Row(p.layers().get(i), p.activations().isEmpty() ? null : p.activations().get(i)));
            }
        }
        return rows;
    }

    private void numeric(String key, Function<Row, String> f) {
        columns.addNumeric(texts.t(key), texts.t(key + ".tip"), f);
    }

    private static String range(MinMax m) {
        return m == null ? Numbers.NONE : "[" + Numbers.real(m.min()) + ", " + Numbers.real(m.max()) + "]";
    }

    private static String scale(QuantParams q) {
        return q == null ? Numbers.NONE : Numbers.real(q.scale());
    }

    private static String zero(QuantParams q) {
        return q == null ? Numbers.NONE : Integer.toString(q.zeroPoint());
    }

    /** The rows as CSV (full precision). */
    static DataTable table(LinearPreviews.Preview p) {
        List<List<String>> cells = new ArrayList<>();
        for (Row r : rows(p)) {
            LayerQuantization w = r.weights();
            ActivationParams a = r.activations();
            List<String> row = new ArrayList<>(List.of(w.layer(), w.shape(), Integer.toString(w.bits()),
                    Double.toString(w.scaleMin()), Double.toString(w.scaleMax()), Double.toString(w.scaleMean())));
            row.addAll(a == null ? List.of("", "", "", "", "", "", "", "") : List.of(
                    a.inputRange() == null ? "" : Double.toString(a.inputRange().min()),
                    a.inputRange() == null ? "" : Double.toString(a.inputRange().max()),
                    Double.toString(a.input().scale()), Integer.toString(a.input().zeroPoint()),
                    Double.toString(a.outputRange().min()), Double.toString(a.outputRange().max()),
                    Double.toString(a.output().scale()), Integer.toString(a.output().zeroPoint())));
            cells.add(row);
        }
        int bits = p == null ? 0 : p.bits();
        return new DataTable("linear-scales-" + bits + "bit", List.of("layer", "shape", "weight_bits",
                "weight_scale_min", "weight_scale_max", "weight_scale_mean", "input_min", "input_max", "input_scale",
                "input_zero_point", "output_min", "output_max", "output_scale", "output_zero_point"), cells);
    }

    /** Per-layer error and distinct values as CSV. */
    static DataTable errors(LinearPreviews.Preview p) {
        List<List<String>> cells = new ArrayList<>();
        if (p != null) {
            for (LayerQuantization q : p.layers()) {
                cells.add(List.of(q.layer(), Integer.toString(q.bits()), Long.toString(q.weights()),
                        Integer.toString(q.distinctValues()), Double.toString(q.perChannelMse()),
                        Double.toString(q.perTensorMse())));
            }
        }
        return new DataTable("linear-error-" + (p == null ? 0 : p.bits()) + "bit", List.of("layer", "bits",
                "weights", "distinct_integers", "per_channel_mse", "per_tensor_mse"), cells);
    }
}
