package dev.quantlab.app.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.quantlab.app.TestWeights;
import dev.quantlab.app.TestWindow;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.control.TableRow;
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

/**
 * The Linear tab at a laptop's 1280x720: the tab scrolls, and scrolled down the "S and Z" table shows all nine
 * layers, its last row whole, with no header cut off.
 */
@ExtendWith(ApplicationExtension.class)
class LinearLayoutTest {
    @TempDir
    static Path home;
    private TestWindow app;
    private LinearViewModel vm;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new TestWindow(stage, TestWeights.file(), home.resolve("no-data"), home);
        vm = ((LinearTab) app.window.tab(LinearTab.ID).orElseThrow()).viewModel();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(app::close);
    }

    @Test
    void atLaptopSizeScrollingReachesTheLastRowOfTheScalesTable(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
            app.window.select(LinearTab.ID);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.preview().get() != null);
        robot.interact(() -> robot.lookup("#linearDetails").queryAs(TabPane.class).getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        ScalesTable table = robot.lookup("#scalesTable").queryAs(ScalesTable.class);
        ScrollPane scroll = (ScrollPane) app.window.tab(LinearTab.ID).orElseThrow().content();
        robot.interact(() -> {
            Node content = scroll.getContent();
            double contentHeight = content.getBoundsInLocal().getHeight();
            double viewport = scroll.getViewportBounds().getHeight();
            assertTrue(contentHeight > viewport, "at 1280x720 the tab is taller than its window: it scrolls");
            Bounds t = content.sceneToLocal(table.localToScene(table.getBoundsInLocal()));
            scroll.setVvalue(Math.min(1, Math.max(0, (t.getMaxY() - viewport) / (contentHeight - viewport))));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            Bounds view = scroll.localToScene(scroll.getViewportBounds());
            Bounds shown = scroll.localToScene(scroll.getBoundsInLocal());
            Bounds t = table.localToScene(table.getBoundsInLocal());
            assertTrue(t.getMaxY() <= shown.getMaxY() + 1 && t.getMinY() >= shown.getMinY() + view.getMinY() - 1,
                    "table " + t + " inside the scrolled view " + shown);
            TableRow<?> last = table.lookupAll(".table-row-cell").stream().map(n -> (TableRow<?>) n)
                    .filter(r -> r.getIndex() == 8 && !r.isEmpty()).findFirst().orElseThrow();
            Bounds row = last.localToScene(last.getBoundsInLocal());
            assertTrue(row.getMaxY() <= t.getMaxY() + 1, "the ninth row " + row + " is whole inside " + t);
            assertEquals("classifier", ((ScalesTable.Row) last.getItem()).weights().layer());
            for (Node n : table.lookupAll(".column-header")) {
                if (n instanceof TableColumnHeader header && header.getTableColumn() != null) {
                    Label label = (Label) header.lookup(".label");
                    Text shownText = (Text) label.lookup(".text");
                    assertEquals(header.getTableColumn().getText(), shownText.getText(), "header not truncated");
                    Object tip = header.getProperties().get("javafx.scene.control.Tooltip");
                    assertTrue(tip instanceof Tooltip tt && !tt.getText().isBlank(), "header has a tooltip");
                }
            }
        });
    }
}
