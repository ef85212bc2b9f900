package dev.quantlab.app.compare;

import dev.quantlab.app.common.Columns;
import dev.quantlab.app.export.DataTable;
import dev.quantlab.app.i18n.Texts;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** k-means and linear quantization side by side: what is stored, what inference needs, retraining, speed. */
final class TradeOffTable extends TableView<TradeOff> {
    TradeOffTable(Texts t) {
        super(FXCollections.observableArrayList(TradeOff.rows(t)));
        setId("tradeOffTable");
        TableColumn<TradeOff, String> aspect = Columns.text(t.t("compare.tradeoff.aspect"), 130, TradeOff::aspect);
        TableColumn<TradeOff, String> kmeans = Columns.text(t.t("compare.tradeoff.kmeans"), 330, TradeOff::kmeans);
        TableColumn<TradeOff, String> linear = Columns.text(t.t("compare.tradeoff.linear"), 330, TradeOff::linear);
        WrappingCells.install(aspect);
        WrappingCells.install(kmeans);
        WrappingCells.install(linear);
        getColumns().add(aspect);
        getColumns().add(kmeans);
        getColumns().add(linear);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    }

    static DataTable table(Texts t) {
        List<List<String>> rows = TradeOff.rows(t).stream().map(r -> List.of(r.aspect(), r.kmeans(), r.linear()))
                .toList();
        return new DataTable("kmeans-vs-linear", List.of("aspect", "kmeans", "linear"), rows);
    }
}
