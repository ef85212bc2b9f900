package dev.quantlab.app.kmeans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class KMeansTabTest {
    private static final String SMALL_LAYER = "classifier.weight"; // 5,120 weights
    @TempDir
    static Path home;
    private KMeansWindow app;
    private LayerViewModel vm;

    @Start
    void start(Stage stage) {
        app = new KMeansWindow(stage, home, home.resolve("no-data"), java.util.Locale.ENGLISH, 1200, 760);
        vm = app.vm().layer();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(app::close);
    }

    @Test
    void movingTheSliderChangesTheNumberOfDistinctQuantizedValues(FxRobot robot) throws Exception {
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.preview().get() != null);
        @SuppressWarnings("unchecked")
        ComboBox<String> layers = robot.lookup("#layerChoice").queryAs(ComboBox.class);
        robot.interact(() -> layers.getSelectionModel().select(SMALL_LAYER));
        awaitPreview(SMALL_LAYER, 4);
        assertDistinctShown(robot, 4);

        Slider slider = robot.lookup("#bitsSlider").queryAs(Slider.class);
        Node thumb = slider.lookup(".thumb");
        robot.clickOn(thumb);
        robot.type(KeyCode.RIGHT);
        awaitPreview(SMALL_LAYER, 5);
        assertDistinctShown(robot, 5);
        robot.type(KeyCode.LEFT, 3);
        awaitPreview(SMALL_LAYER, 2);
        assertDistinctShown(robot, 2);
        assertEquals("2-bit k-means: 4 distinct values", robot.lookup("#demoAfterLabel").queryAs(Label.class).getText());

        robot.drag(thumb).moveBy(slider.getWidth(), 0).release(javafx.scene.input.MouseButton.PRIMARY);
        awaitPreview(SMALL_LAYER, 8);
        assertDistinctShown(robot, 8);
        assertEquals("8-bit k-means: 25 distinct values", robot.lookup("#demoAfterLabel").queryAs(Label.class).getText());
    }

    @Test
    void aCachedLargestLayerUpdatesWithinATenthOfASecond(FxRobot robot) throws Exception {
                String largest = "backbone.conv7.weight";
        robot.interact(() -> vm.layer().set(largest));
        awaitPreview(largest, 4);
        robot.interact(() -> vm.bits().set(3));
        awaitPreview(largest, 3);
        long[] nanos = new long[1];
        robot.interact(() -> {
            long t0 = System.nanoTime();
            vm.bits().set(4); // cached: delivered and drawn on this call
            nanos[0] = System.nanoTime() - t0;
        });
        LayerPreview p = vm.preview().get();
        assertEquals(4, p.bits());
        assertEquals(largest, p.layer());
        assertTrue(nanos[0] < 100_000_000L, "cached update took " + nanos[0] / 1e6 + " ms");
    }

    @Test
    void rapidChangesEndOnTheLatestBitWidth(FxRobot robot) throws Exception {
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.preview().get() != null);
        robot.interact(() -> vm.layer().set("backbone.conv6.weight"));
        robot.interact(() -> {
            for (int b = 1; b <= 8; b++) {
                vm.bits().set(b);
            }
        });
        awaitPreview("backbone.conv6.weight", 8);
        assertEquals(256, vm.preview().get().distinctValues());
    }

    @Test
    void onceALayerIsShownADragAcrossAllWidthsIsServedFromTheCache(FxRobot robot) throws Exception {
        String largest = "backbone.conv7.weight"; // 2.36M weights
        robot.interact(() -> vm.layer().set(largest));
        awaitPreview(largest, 4);
        // the background clusters the other seven widths; poll until a drag finds every one delivered at once
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            for (int b = 1; b <= 8; b++) {
                vm.bits().set(b);
                LayerPreview p = vm.preview().get();
                if (p == null || p.bits() != b || vm.computing().get()) {
                    return false;
                }
            }
            return true;
        }).get());
        long[] nanos = new long[8];
        robot.interact(() -> {
            for (int b = 8; b >= 1; b--) {
                long t0 = System.nanoTime();
                vm.bits().set(b);
                nanos[b - 1] = System.nanoTime() - t0;
                assertEquals(b, vm.preview().get().bits());
            }
        });
        for (int b = 1; b <= 8; b++) {
            assertTrue(nanos[b - 1] < 100_000_000L, b + " bits took " + nanos[b - 1] / 1e6 + " ms");
        }
    }

    private void awaitPreview(String layer, int bits) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            LayerPreview p = vm.preview().get();
            return p != null && p.layer().equals(layer) && p.bits() == bits && !vm.computing().get();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void assertDistinctShown(FxRobot robot, int bits) {
        String text = robot.lookup("#distinctLabel").queryAs(Label.class).getText();
        assertTrue(text.startsWith((1 << bits) + " distinct values"), text);
    }
}
