package dev.quantlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.qat.QatTab;
import dev.quantlab.app.qat.QatViewModel;
import dev.quantlab.kmeans.qat.UpdateRule;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Spinner;
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

/** The QAT tab without data: it opens with small defaults, follows the lesson's step 4, and asks for data. */
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

    @Test
    void opensWithSmallDefaultsAndAsksForDataOnStart(FxRobot robot) throws Exception {
        robot.interact(() -> app.window.select(QatTab.ID));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.services.model().isLoaded());
        QatViewModel vm = ((QatTab) app.window.tab(QatTab.ID).orElseThrow()).viewModel();
        assertEquals(2, robot.lookup("#qatBits").queryAs(Spinner.class).getValue());
        assertEquals(UpdateRule.MEAN, vm.settings().rule());
        assertEquals(1, vm.settings().epochs());
        assertTrue(vm.settings().epochFraction() <= 0.05);
        assertEquals(0.5, vm.settings().threshold(), 1e-9);
        assertTrue(vm.settings().problems().isEmpty());
        Button start = robot.lookup("#qatStart").queryAs(Button.class);
        assertFalse(start.isDisabled());
        assertTrue(robot.lookup("#qatStop").queryAs(Button.class).isDisabled());
        robot.clickOn(start);
        assertEquals(1, app.prompts.needData.get());
        assertFalse(vm.job().isRunning());
    }

    @Test
    void theLessonsStepFourSelectsTheQatTab(FxRobot robot) {
        TabPane tabs = robot.lookup("#lessonTabs").queryAs(TabPane.class);
        robot.interact(() -> app.window.lessonPanel().select(app.window.lessonPanel().selectedPage().get()));
        robot.interact(() -> dev.quantlab.app.lesson.LessonLibrary.load(java.util.Locale.ENGLISH).forTab(QatTab.ID)
                .ifPresent(app.window.lessonPanel()::select));
        assertEquals(QatTab.ID, tabs.getSelectionModel().getSelectedItem().getId());
        List<String> ids = tabs.getTabs().stream().map(Tab::getId).toList();
        assertTrue(ids.indexOf("kmeans") < ids.indexOf("qat") && ids.indexOf("qat") < ids.indexOf("compare"), ids.toString());
        assertEquals("compare", ids.get(ids.size() - 1));
    }

    @Test
    void invalidSettingsAreReportedInTheForm(FxRobot robot) throws Exception {
        robot.interact(() -> app.window.select(QatTab.ID));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.services.model().isLoaded());
        QatViewModel vm = ((QatTab) app.window.tab(QatTab.ID).orElseThrow()).viewModel();
        robot.interact(() -> vm.threshold().set(null));
        assertFalse(vm.settings().problems().isEmpty());
    }
}
