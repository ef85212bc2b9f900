package dev.quantlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class QuantLabAppStartTest {
    private Stage stage;
    private QuantLabApp app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new QuantLabApp();
        app.start(stage);
    }

    /** Closes the window and stops the app as the toolkit would at exit (settings saved, workers stopped). */
    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            stage.hide();
            app.stop();
        });
    }

    @Test
    void windowShowsTheAppNameAndTheTabPane(FxRobot robot) {
        assertEquals("QuantLab", stage.getTitle());
        assertNotNull(robot.lookup("#lessonTabs").query());
    }
}
