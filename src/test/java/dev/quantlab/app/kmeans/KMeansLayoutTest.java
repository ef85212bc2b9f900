package dev.quantlab.app.kmeans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.services.KMeansSettings;
import dev.quantlab.app.services.TestSubset;
import dev.quantlab.model.StateDict;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The K-Means tab at a laptop's 1280x720, in English and Traditional Chinese: everything reachable, nothing cut. */
@ExtendWith(ApplicationExtension.class)
class KMeansLayoutTest {
    @TempDir
    Path home;
    private KMeansWindow app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close(FxRobot robot) {
        if (app != null) {
            robot.interact(app::close);
        }
    }

    @Test
    void englishAt1280x720ReachesTheLastRowWithNothingCut(FxRobot robot) throws Exception {
        check(robot, Locale.ENGLISH);
    }

    @Test
    void chineseAt1280x720ReachesTheLastRowWithNothingCut(FxRobot robot) throws Exception {
        check(robot, Locale.TRADITIONAL_CHINESE);
    }

    private void check(FxRobot robot, Locale language) throws Exception {
        robot.interact(() -> app = new KMeansWindow(stage, home, home.resolve("no-data"), language, 1280, 720));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.services().model().isLoaded());
        StateDict weights = app.services().model().weights().get();
        // twelve rows: fp32 and 8..4 bits on two subsets
        robot.interact(() -> {
            for (TestSubset subset : List.of(new TestSubset(500), TestSubset.ALL)) {
                app.vm().runs().addResult(weights, new RunResult(32, 35.2, 35.2, 92.73, 0, subset,
                        KMeansSettings.DEFAULT));
                for (int b = 8; b >= 4; b--) {
                    app.vm().runs().addResult(weights, new RunResult(b, 35.2 * b / 32, 35.2 * b / 32 + 0.02,
                            92.0 - b, 0.73 + b, subset, KMeansSettings.DEFAULT));
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(12, app.vm().runs().results().size());
        TableView<?> table = robot.lookup("#kmeansResults").queryAs(TableView.class);
        ScrollPane scroll = robot.lookup("#kmeansScroll").queryAs(ScrollPane.class);
        assertTrue(scroll.isFitToWidth());
        Bounds window = scroll.localToScene(scroll.getLayoutBounds());
        assertTrue(window.getMaxY() <= 720, "the tab ends inside the window: " + window);

        // scroll the tab until the table's last row is in view
        robot.interact(() -> scroll.setVvalue(0));
        WaitForAsyncUtils.waitForFxEvents();
        TableRow<?> last = lastRow(table);
        assertTrue(!visible(last, scroll), "at the top, the last row is below the fold");
        robot.interact(() -> {
            Bounds inContent = scroll.getContent().sceneToLocal(last.localToScene(last.getLayoutBounds()));
            double range = scroll.getContent().getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(Math.min(1, (inContent.getMaxY() - scroll.getViewportBounds().getHeight() + 8) / range));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(visible(last, scroll), "the last row can be scrolled into view");
        assertEquals(11, last.getIndex());

        // every header and every cell shows its whole text (a cut text ends in an ellipsis in the skin's Text)
        for (Node n : table.lookupAll(".table-cell")) {
            assertWhole((Labeled) n);
        }
        for (Node n : table.lookupAll(".column-header .label")) {
            assertWhole((Labeled) n);
        }
        Texts texts = Texts.of(language);
        assertTrue(table.lookupAll(".column-header").stream()
                .map(h -> h.getProperties().get("javafx.scene.control.Tooltip"))
                .anyMatch(tip -> tip instanceof Tooltip t && t.getText()
                        .equals(texts.t("kmeans.results.honestSize"))), "full header names in tooltips");
        @SuppressWarnings("unchecked")
        ComboBox<String> layer = robot.lookup("#layerChoice").queryAs(ComboBox.class);
        assertEquals(layer.getValue(), layer.getTooltip().getText(), "the tensor name in full");
    }

    private static TableRow<?> lastRow(TableView<?> table) {
        return table.lookupAll(".table-row-cell").stream().map(n -> (TableRow<?>) n)
                .filter(r -> r.getIndex() == table.getItems().size() - 1 && r.isVisible()).findFirst().orElseThrow(
                        () -> new AssertionError("the table does not lay out its last row"));
    }

    private static boolean visible(Node n, ScrollPane scroll) {
        Bounds b = n.localToScene(n.getLayoutBounds());
        Bounds view = scroll.localToScene(scroll.getLayoutBounds());
        return b.getMinY() >= view.getMinY() && b.getMaxY() <= view.getMaxY();
    }

    private static void assertWhole(Labeled l) {
        String full = l.getText();
        if (full == null || full.isEmpty()) {
            return;
        }
        Text shown = (Text) l.lookup(".text");
        if (shown != null) {
            assertEquals(full, shown.getText(), "cut: " + l);
        }
    }
}
