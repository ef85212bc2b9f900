package dev.quantlab.app.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.i18n.Texts;
import dev.quantlab.eval.EvalResult;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.jfree.chart.axis.SymbolAxis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Baseline tab at 1280×720 (its area beside the lesson pane: 934×606), in English and Traditional Chinese: the
 * lesson reference line is shown whole, the charts at the bottom are reached by scrolling; the charts' own labels
 * (overall accuracy, class names) stay readable.
 */
@ExtendWith(ApplicationExtension.class)
class BaselineLayoutTest {
    @TempDir
    Path home;
    private BaselineHarness app;
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
    void everythingIsReachedByScrollingAndTheReferenceLineIsWhole(String lang, FxRobot robot) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        robot.interact(() -> stage = new Stage());
        robot.interact(() -> app = new BaselineHarness(stage, BaselineHarness.weights(), home.resolve("no-data"), home,
                locale, 934, 606));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.services.model().isLoaded());
        WaitForAsyncUtils.waitForFxEvents();
        BaselineView view = app.view();
        Label reference = (Label) view.lookup("#lessonReference");
        assertEquals(Texts.of(locale).t("baseline.reference"), reference.getText());
        assertEquals(reference.getText().replace("\n", ""), drawn(reference), lang + ": the reference line is whole");
        assertTrue(visible(view, reference), lang + ": the reference line is on screen");

        // the model summary: no tensor name, shape or number shown cut off (the table scrolls sideways instead)
        int cells = 0;
        for (Node n : view.lookup("#summaryTable").lookupAll(".table-cell")) {
            Labeled cell = (Labeled) n;
            if (cell.isVisible() && cell.getText() != null && !cell.getText().isEmpty()) {
                assertEquals(cell.getText(), ((Text) cell.lookup(".text")).getText(), lang + ": cut off");
                cells++;
            }
        }
        assertTrue(cells >= 8, lang + ": summary cells shown: " + cells);
        assertFalse(visible(view, view.lookupAll(".chart-pane").stream().reduce((a, b) -> b).orElseThrow()),
                "at 1280×720 the charts' bottom lies below the fold");
        robot.interact(() -> view.setVvalue(view.getVmax()));
        WaitForAsyncUtils.waitForFxEvents();
        for (Node pane : view.lookupAll(".chart-pane")) {
            assertTrue(visible(view, pane), lang + ": a chart is reached by scrolling");
            assertTrue(pane.getBoundsInLocal().getHeight() >= 250, lang + ": a chart keeps room to be read: "
                    + pane.getBoundsInLocal());
        }
    }

    @Test
    void chineseClassNamesStandUprightAndTheOverallAccuracyIsATitle() {
        long[][] m = new long[10][10];
        for (int t = 0; t < 10; t++) {
            m[t][t] = 9;
            m[t][(t + 3) % 10] = 1;
        }
        EvalResult r = new EvalResult(100, 90, m, 1.0);
        Texts zh = Texts.of(Locale.TRADITIONAL_CHINESE);
        Texts en = Texts.of(Locale.ENGLISH);
        ConfusionHeatMap zhMap = new ConfusionHeatMap(zh);
        assertFalse(((SymbolAxis) zhMap.chart().getXYPlot().getDomainAxis()).isVerticalTickLabels());
        assertEquals("飛機", ((SymbolAxis) zhMap.chart().getXYPlot().getDomainAxis()).getSymbols()[0]);
        assertTrue(((SymbolAxis) new ConfusionHeatMap(en).chart().getXYPlot().getDomainAxis()).isVerticalTickLabels(),
                "English names (\"automobile\") are turned to fit under their column");

        PerClassAccuracyChart chart = new PerClassAccuracyChart(en);
        assertFalse(chart.overallTitle().isVisible(), "nothing to say before an evaluation");
        chart.show(r);
        assertTrue(chart.overallTitle().isVisible());
        assertEquals("overall 90.00 % (dashed line)", chart.overallTitle().getText());
        assertTrue(chart.chart().getSubtitles().contains(chart.overallTitle()));
    }

    private static String drawn(Label label) {
        StringBuilder s = new StringBuilder();
        label.lookupAll(".text").forEach(n -> s.append(((Text) n).getText()));
        return s.toString().replace("\n", "");
    }

    private static boolean visible(BaselineView view, Node node) {
        Bounds viewport = view.localToScene(view.getBoundsInLocal());
        Bounds b = node.localToScene(node.getBoundsInLocal());
        return b.getMinY() >= viewport.getMinY() - 0.5 && b.getMaxY() <= viewport.getMaxY() + 0.5;
    }
}
