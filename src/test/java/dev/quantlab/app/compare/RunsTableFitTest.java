package dev.quantlab.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.i18n.Texts;
import dev.quantlab.results.Method;
import dev.quantlab.results.RunRecord;
import dev.quantlab.results.RunRecords;
import dev.quantlab.results.StoppedRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The recorded runs at 1280×720, in English and in Traditional Chinese: every visible cell and header shows its
 * whole text (no "k-m…", "10,0…"), and a stopped QAT run is marked as stopped.
 */
@ExtendWith(ApplicationExtension.class)
class RunsTableFitTest {
    @TempDir
    Path home;
    private CompareHarness app;
    private Stage stage;

    @AfterEach
    void close(FxRobot robot) {
        if (app != null) {
            robot.interact(() -> {
                app.close();
                stage.close();
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-TW"})
    void everyVisibleCellShowsItsWholeText(String lang, FxRobot robot) {
        Locale locale = Locale.forLanguageTag(lang);
        robot.interact(() -> stage = new Stage());
        robot.interact(() -> app = new CompareHarness(stage, CompareHarness.weights(), home, locale,
                new CompareDialogs((o, n, t) -> false, (o, t) -> Optional.empty()), CompareHarness.WIDTH_1280,
                CompareHarness.HEIGHT_720));
        String stoppedNote = "rule=mean, epochs=3, fraction=1.0, " + new StoppedRun(3, 5).mark();
        List<RunRecord> runs = List.of(RunRecords.fp32(92.4, 1000).withNote("model=vgg-cifar10.safetensors"),
                RunRecord.of(Method.KMEANS, 8, 8.80, 8.83, 92.74, 10_000),
                RunRecord.of(Method.KMEANS_BN, 2, 2.20, 2.22, 88.60, 10_000),
                RunRecord.of(Method.KMEANS_QAT, 2, 2.20, 2.22, 91.23, 10_000).withNote(stoppedNote),
                RunRecords.withActivationRanges(RunRecord.of(Method.LINEAR, 4, 4.40, 4.41, 90.54, 10_000)
                        .withActivationBits(8).withNote("per-channel"), "percentile 99.99"),
                RunRecord.of(Method.INTEGER, 8, 8.80, 8.81, 100.0, 10_000).withActivationBits(8));
        robot.interact(() -> runs.forEach(app.services.results()::add));
        WaitForAsyncUtils.waitForFxEvents();

        TableView<?> table = (TableView<?>) app.content().lookup("#runsTable");
        Texts t = Texts.of(locale);
        List<String> shown = new ArrayList<>();
        for (Node n : table.lookupAll(".table-cell")) {
            if (!(n instanceof TableCell<?, ?> cell) || !cell.isVisible() || cell.getText() == null
                    || cell.getText().isEmpty() || cell.getTableColumn() == null
                    || !cell.getTableColumn().isVisible()) {
                continue;
            }
            Text drawn = (Text) cell.lookup(".text");
            assertEquals(cell.getText(), drawn.getText(), lang + ": the cell's text is drawn whole");
            Text measured = new Text(cell.getText());
            measured.setFont(cell.getFont());
            double room = cell.getWidth() - cell.snappedLeftInset() - cell.snappedRightInset();
            assertTrue(measured.getLayoutBounds().getWidth() <= room + 0.5, () -> lang + ": '" + cell.getText()
                    + "' needs " + measured.getLayoutBounds().getWidth() + " px, has " + room);
            assertTrue(cell.getWidth() <= cell.getTableColumn().getWidth() + 0.5);
            shown.add(cell.getText());
        }
        String stopped = t.t("compare.runs.stopped", t.t("compare.method.kmeans_qat"), 3, 5);
        assertTrue(shown.contains(stopped), lang + ": the stopped run is marked: " + shown);
        assertTrue(shown.contains("W4A8 · percentile 99.99"), lang + ": the range method is said: " + shown);
        assertTrue(shown.contains("10,000") && shown.contains("W8A8") && shown.contains("100.00")
                && shown.contains(t.t("compare.method.kmeans_bn")), () -> lang + ": " + shown);

        for (Node n : table.lookupAll(".column-header .label")) {
            Label header = (Label) n;
            if (header.getText() == null || header.getText().isEmpty() || !header.isVisible()) {
                continue;
            }
            Text drawn = (Text) header.lookup(".text");
            assertEquals(header.getText(), drawn.getText(), lang + ": the header is drawn whole");
        }
        for (String[] column : new String[][] {{"runLessonMib", "compare.runs.lessonMib.tip"},
                {"runStoredMib", "compare.runs.storedMib.tip"}, {"runAccuracy", "compare.runs.accuracy.tip"}}) {
            Node header = table.lookupAll("#" + column[0]).stream().filter(n -> n instanceof TableColumnHeader)
                    .findFirst().orElseThrow();
            Object tip = header.getProperties().get("javafx.scene.control.Tooltip");
            assertTrue(tip instanceof Tooltip, lang + ": " + column[0] + " has a tooltip");
            assertEquals(t.t(column[1]), ((Tooltip) tip).getText(), "the header's tooltip says which size it is");
        }
        assertTrue(t.t("compare.runs.storedMib.tip").contains(lang.equals("en") ? "on disk" : "磁碟"));
        robot.interact(() -> app.view().setVvalue(app.view().getVmax()));
        WaitForAsyncUtils.waitForFxEvents();
        Bounds tableBounds = table.localToScene(table.getBoundsInLocal());
        assertTrue(tableBounds.getMaxY() <= CompareHarness.HEIGHT_720 && tableBounds.getMinY() >= 0,
                () -> lang + ": the whole table is reached by scrolling: " + tableBounds);
        double columns = table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        assertTrue(columns <= table.getWidth(), lang + ": all columns fit the table at 1280×720: " + columns + " of "
                + table.getWidth());
    }
}
