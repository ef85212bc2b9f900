package dev.quantlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.services.ModelService;
import dev.quantlab.model.StateDict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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
class MainWindowTest {
    @TempDir
    static Path home;
    private TestWindow app;

    @Start
    void start(Stage stage) {
        app = new TestWindow(stage, TestWeights.file(), home.resolve("no-data"), home);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(app::close);
    }

    static void clickStep(FxRobot robot, String title) {
        javafx.scene.Node steps = robot.lookup("#lessonSteps").query();
        robot.clickOn(robot.from(steps).lookup((Label l) -> title.equals(l.getText())).queryAs(Label.class));
    }

    @Test
    void showsTheRegisteredTabsInOrder(FxRobot robot) {
        TabPane tabs = robot.lookup("#lessonTabs").queryAs(TabPane.class);
        assertEquals(List.of("baseline", "kmeans", "qat", "linear", "integer", "compare"),
                tabs.getTabs().stream().map(Tab::getId).toList());
        assertEquals(List.of("Baseline", "K-Means"), tabs.getTabs().stream().limit(2).map(Tab::getText).toList());
        assertEquals(List.of("Linear", "Integer"), tabs.getTabs().stream().skip(3).limit(2).map(Tab::getText).toList());
    }

    @Test
    void switchingTabsFollowsTheLessonAndBack(FxRobot robot) {
        TabPane tabs = robot.lookup("#lessonTabs").queryAs(TabPane.class);
        clickStep(robot, "k-means quantization");
        assertEquals("kmeans", tabs.getSelectionModel().getSelectedItem().getId());
        clickStep(robot, "Measure the fp32 model");
        assertEquals("baseline", tabs.getSelectionModel().getSelectedItem().getId());

        robot.clickOn("K-Means");
        ListView<?> steps = robot.lookup("#lessonSteps").queryAs(ListView.class);
        assertEquals("kmeans", app.window.lessonPanel().selectedPage().get().tab());
        assertTrue(app.window.lessonPanel().pageView().plainText().contains("k-means quantization"));
        assertEquals(2, steps.getSelectionModel().getSelectedIndex());
    }

    @Test
    void aStepWithoutATabOnlyShowsItsPage(FxRobot robot) {
        TabPane tabs = robot.lookup("#lessonTabs").queryAs(TabPane.class);
        robot.clickOn("K-Means");
        clickStep(robot, "Why quantize?");
        assertEquals("kmeans", tabs.getSelectionModel().getSelectedItem().getId());
    }

    @Test
    void stepsFiveAndSixSelectTheLinearAndIntegerTabs(FxRobot robot) {
        TabPane tabs = robot.lookup("#lessonTabs").queryAs(TabPane.class);
        clickStep(robot, "Linear quantization");
        assertEquals("linear", tabs.getSelectionModel().getSelectedItem().getId());
        assertTrue(app.window.lessonPanel().pageView().plainText().contains("r = S"));
        clickStep(robot, "Integer-only inference");
        assertEquals("integer", tabs.getSelectionModel().getSelectedItem().getId());
        robot.clickOn("Linear");
        assertEquals("linear", app.window.lessonPanel().selectedPage().get().tab());
    }

    @Test
    void statusBarShowsModelAndMissingData(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.services.model().isLoaded());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Model: vgg-init.safetensors", robot.lookup("#modelStatus").queryAs(Label.class).getText());
        assertEquals("CIFAR-10: not found", robot.lookup("#dataStatus").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#jobIndicator").query().isVisible());
        assertEquals(ModelService.Status.LOADED, app.services.model().status().get());
    }

    @Test
    void aBadModelFileDoesNotThrowAwayTheModelInUse(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.services.model().isLoaded());
        ModelService model = app.services.model();
        StateDict inUse = model.weights().get();
        Path garbage = Files.createTempFile("not-a-model", ".safetensors");
        Files.writeString(garbage, "this is not a model");
        robot.interact(() -> model.load(garbage));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.message().get().contains("Still using"));
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(inUse, model.weights().get());
        assertEquals(ModelService.Status.LOADED, model.status().get());
        assertEquals("vgg-init.safetensors", model.path().get().getFileName().toString());
        assertTrue(model.message().get().startsWith("Could not load " + garbage.getFileName()), model.message().get());
        assertEquals(1, app.errors.errors.size(), "the failure is also reported");

        robot.interact(() -> model.load(garbage.resolveSibling("no-such-model.safetensors")));
        assertSame(inUse, model.weights().get());
        assertEquals("No model weights at " + garbage.resolveSibling("no-such-model.safetensors")
                + "; still using vgg-init.safetensors.", model.message().get());
        Files.delete(garbage);
    }

    @Test
    void evaluatingWithoutDataExplainsHowToGetIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.services.model().isLoaded());
        robot.clickOn("#evaluateButton");
        assertEquals(1, app.prompts.needData.get());
        assertTrue(app.errors.errors.isEmpty());
    }
}
