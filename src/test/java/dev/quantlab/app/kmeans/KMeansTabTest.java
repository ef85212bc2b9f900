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

    /** Timing is the benchmark's job ({@code quantlab bench slider}); here: every width comes from the cache. */
    @Test
    void onceALayerIsShownADragAcrossAllWidthsIsServedFromTheCache(FxRobot robot) throws Exception {
        String layer = "backbone.conv2.weight";
        robot.interact(() -> vm.layer().set(layer));
        awaitPreview(layer, 4);
        // the background clusters the other seven widths; poll until a drag finds every one delivered at once
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            for (int b = 1; b <= 8; b++) {
                vm.bits().set(b);
                LayerPreview p = vm.preview().get();
                if (p == null || p.bits() != b || vm.computing().get()) {
                    return false;
                }
            }
            return true;
        }).get());
        robot.interact(() -> {
            for (int b = 8; b >= 1; b--) {
                vm.bits().set(b); // delivered on this call, on the FX thread
                assertEquals(b, vm.preview().get().bits());
                assertEquals(layer, vm.preview().get().layer());
                assertEquals(Math.min(1 << b, vm.preview().get().counts().length), vm.preview().get().distinctValues());
                assertTrue(!vm.computing().get());
            }
        });
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
