package dev.quantlab.app.qat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.TestWeights;
import dev.quantlab.app.TestWindow;
import dev.quantlab.kmeans.qat.UpdateRule;
import dev.quantlab.results.Method;
import dev.quantlab.results.RunRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** At 1280x720, in English and in Traditional Chinese: the tab scrolls to its last finished run, nothing cut off. */
@ExtendWith(ApplicationExtension.class)
class QatLayoutTest {
    private static final int ROWS = 7;
    @TempDir
    static Path home;
    private TestWindow app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new TestWindow(stage, TestWeights.file(), home.resolve("no-data"), home);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(app::close);
    }

    private static QatWork.Outcome run(int i) {
        boolean stopped = i % 3 == 2;
        QatRow row = new QatRow(1 + i % 8, i % 2 == 0 ? UpdateRule.MEAN : UpdateRule.GRADIENT, 92.73, 10.0 + i,
                88.123 + i, true, stopped ? 1 : 3, 5, stopped, i % 2 == 0 ? 0.05 : 1.0, 125.0 + 1000 * i, 10_000);
        return new QatWork.Outcome(row, RunRecord.of(Method.KMEANS_QAT, row.bits(), 2.2, 2.22, row.after(), 10_000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-TW"})
    void theTabScrollsToItsLastFinishedRunAndNoCellIsCutOff(String language, FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.services.model().isLoaded());
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
            app.window.switchLanguage(Locale.forLanguageTag(language));
            app.window.select(QatTab.ID);
        });
        QatTab tab = (QatTab) app.window.tab(QatTab.ID).orElseThrow();
        robot.interact(() -> {
            for (int i = 0; i < ROWS; i++) {
                tab.viewModel().keep(run(i), app.services.model().weights().get());
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        QatView view = tab.view();
        QatResultsTable table = view.resultsTable();
        assertFalse(visibleRow(view, table, ROWS - 1), "at 1280x720 the last run lies below the fold at first");

        robot.interact(() -> {
            view.setVvalue(view.getVmax());
            table.scrollTo(ROWS - 1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(visibleRow(view, table, ROWS - 1), "scrolled down, the last finished run is in view");

        List<Node> labels = table.lookupAll(".table-cell").stream().filter(n -> n instanceof Labeled l
                && l.getText() != null && !l.getText().isEmpty() && n.isVisible()).toList();
        assertTrue(labels.size() >= 8, "cells shown: " + labels.size());
        for (Node n : table.lookupAll(".table-cell")) {
            assertNotCutOff((Labeled) n);
        }
        for (Node n : table.lookupAll(".column-header .label")) {
            assertNotCutOff((Labeled) n);
        }
    }

    /** A label whose text is shortened shows a different string (ending in "…") in its text node. */
    private static void assertNotCutOff(Labeled l) {
        if (l.getText() == null || l.getText().isEmpty() || !l.isVisible()) {
            return;
        }
        Text shown = (Text) l.lookup(".text");
        assertEquals(l.getText(), shown.getText(), "cut off: " + l.getText());
    }

    /** Whether row {@code index} of the table is laid out inside both the table's and the tab's visible area. */
    private static boolean visibleRow(QatView view, QatResultsTable table, int index) {
        for (Node n : table.lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> row && row.getIndex() == index && row.isVisible() && row.getItem() != null) {
                Bounds b = row.localToScene(row.getLayoutBounds());
                Bounds tableBox = table.localToScene(table.getLayoutBounds());
                Bounds viewport = view.localToScene(view.getLayoutBounds());
                return b.getMinY() >= tableBox.getMinY() - 0.5 && b.getMaxY() <= tableBox.getMaxY() + 0.5
                        && b.getMinY() >= viewport.getMinY() - 0.5 && b.getMaxY() <= viewport.getMaxY() + 0.5
                        && b.getMaxY() <= view.getScene().getHeight();
            }
        }
        return false;
    }
}
