package dev.quantlab.app.qat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.TestWeights;
import dev.quantlab.app.TestWindow;
import dev.quantlab.app.lesson.LessonLibrary;
import dev.quantlab.kmeans.qat.UpdateRule;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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

/** The QAT tab without data: small defaults, the lesson's step 4, a prompt for data, typed spinner values. */
@ExtendWith(ApplicationExtension.class)
class QatTabTest {
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

    private QatViewModel viewModel(FxRobot robot) throws Exception {
        robot.interact(() -> app.window.select(QatTab.ID));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.services.model().isLoaded());
        return ((QatTab) app.window.tab(QatTab.ID).orElseThrow()).viewModel();
    }

    @Test
    void opensWithSmallDefaultsAndAsksForDataOnStart(FxRobot robot) throws Exception {
        QatViewModel vm = viewModel(robot);
        assertEquals(2, robot.lookup("#qatBits").queryAs(Spinner.class).getValue());
        assertEquals(UpdateRule.MEAN, vm.settings().rule());
        assertEquals(1, vm.settings().epochs());
        assertTrue(vm.settings().epochFraction() <= 0.05);
        assertEquals(0.5, vm.settings().threshold(), 1e-9);
        assertTrue(vm.settings().problems(app.services.language().texts()).isEmpty());
        Button start = robot.lookup("#qatStart").queryAs(Button.class);
        assertFalse(start.isDisabled());
        assertTrue(robot.lookup("#qatStop").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#qatTime").queryAs(Label.class).getText().contains("first run measures"),
                "no run yet: no estimate, and the tab says where one comes from");
        robot.clickOn(start);
        assertEquals(1, app.prompts.needData.get());
        assertFalse(vm.job().isRunning());
    }

    @Test
    void theLessonsStepFourSelectsTheQatTab(FxRobot robot) {
        TabPane tabs = robot.lookup("#lessonTabs").queryAs(TabPane.class);
        robot.interact(() -> LessonLibrary.load(Locale.ENGLISH).forTab(QatTab.ID)
                .ifPresent(app.window.lessonPanel()::select));
        assertEquals(QatTab.ID, tabs.getSelectionModel().getSelectedItem().getId());
        List<String> ids = tabs.getTabs().stream().map(Tab::getId).toList();
        assertTrue(ids.indexOf("kmeans") < ids.indexOf("qat") && ids.indexOf("qat") < ids.indexOf("compare"),
                ids.toString());
    }

    @Test
    void invalidSettingsAreReportedInTheForm(FxRobot robot) throws Exception {
        QatViewModel vm = viewModel(robot);
        robot.interact(() -> vm.choices().threshold().set(null));
        assertFalse(vm.settings().problems(app.services.language().texts()).isEmpty());
    }

    /** Types into a spinner's field: select what is there, type {@code text}, then press Enter. */
    private static void type(FxRobot robot, String spinnerId, String text) {
        robot.doubleClickOn(spinnerId + " .text-field");
        robot.interact(() -> robot.lookup(spinnerId).queryAs(Spinner.class).getEditor().selectAll());
        robot.write(text);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void typedSpinnerValuesAreTakenAndInvalidOnesRevertWithAReason(FxRobot robot) throws Exception {
        QatViewModel vm = viewModel(robot);
        Label why = robot.lookup("#qatTypedProblem").queryAs(Label.class);
        type(robot, "#qatBits", "3");
        assertEquals(3, vm.settings().bits());
        assertEquals("", why.getText());

        type(robot, "#qatBits", "12");
        assertEquals(3, vm.settings().bits(), "out of range: not taken");
        assertEquals("3", robot.lookup("#qatBits").queryAs(Spinner.class).getEditor().getText(), "the field reverts");
        assertTrue(why.isVisible() && why.getText().contains("12") && why.getText().contains("1 to 8"),
                why.getText());

        type(robot, "#qatEpochs", "x");
        assertEquals(1, vm.settings().epochs());
        assertTrue(why.getText().contains("\"x\""), why.getText());

        // leaving the field commits too
        robot.doubleClickOn("#qatEpochs .text-field");
        robot.interact(() -> robot.lookup("#qatEpochs").queryAs(Spinner.class).getEditor().selectAll());
        robot.write("4");
        robot.clickOn("#qatThreshold .text-field");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, vm.settings().epochs());
        assertEquals("", why.getText());

        type(robot, "#qatThreshold", "1,5");
        assertEquals(1.5, vm.settings().threshold(), 1e-9);
    }
}
