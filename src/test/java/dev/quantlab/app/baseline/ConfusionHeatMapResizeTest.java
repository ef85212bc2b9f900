package dev.quantlab.app.baseline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.i18n.Texts;
import dev.quantlab.eval.EvalResult;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The confusion matrix keeps its white background and readable cells when its window is resized. */
@ExtendWith(ApplicationExtension.class)
class ConfusionHeatMapResizeTest {
    private Stage stage;
    private ChartViewer viewer;
    private ConfusionHeatMap map;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        map = new ConfusionHeatMap(Texts.of(Locale.ENGLISH));
        viewer = new ChartViewer(map.chart(), false);
        stage.setScene(new Scene(new StackPane(viewer), 640, 480));
        stage.sizeToScene(); // TestFX reuses one stage across test classes
        stage.show();
    }

    @Test
    void theBackgroundStaysWhiteAfterResizes(FxRobot robot) {
        long[][] confusion = new long[10][10];
        for (int t = 0; t < 10; t++) {
            confusion[t][t] = 90;
            confusion[t][(t + 1) % 10] = 10;
        }
        robot.interact(() -> map.show(new EvalResult(1000, 900, confusion, 1.0)));
        assertMostlyLight(robot, "before any resize");
        int[][] sizes = {{900, 700}, {500, 380}, {1100, 800}, {700, 520}};
        for (int[] s : sizes) {
            robot.interact(() -> {
                stage.setWidth(s[0]);
                stage.setHeight(s[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertMostlyLight(robot, "after a resize to " + s[0] + "x" + s[1]);
        }
    }

    /** Most pixels of the chart are near white, and none of its corners is dark. */
    private void assertMostlyLight(FxRobot robot, String when) {
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = viewer.snapshot(null, null));
        PixelReader px = shot[0].getPixelReader();
        int w = (int) shot[0].getWidth();
        int h = (int) shot[0].getHeight();
        long light = 0;
        long dark = 0;
        for (int y = 0; y < h; y += 2) {
            for (int x = 0; x < w; x += 2) {
                javafx.scene.paint.Color c = px.getColor(x, y);
                double lum = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
                if (lum > 0.9) {
                    light++;
                } else if (lum < 0.15) {
                    dark++;
                }
            }
        }
        long all = (long) ((w + 1) / 2) * ((h + 1) / 2);
        assertTrue(light > all / 2, when + ": only " + light + " of " + all + " sampled pixels are light");
        assertTrue(dark < all / 20, when + ": " + dark + " of " + all + " sampled pixels are dark");
        for (int[] corner : new int[][] {{2, 2}, {w - 3, 2}, {2, h - 3}, {w - 3, h - 3}}) {
            javafx.scene.paint.Color c = px.getColor(corner[0], corner[1]);
            assertTrue(c.getBrightness() > 0.9, when + ": corner " + corner[0] + "," + corner[1] + " is " + c);
        }
    }
}
