package dev.quantlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.services.ModelService;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** No model file and no data: the window opens, shows what it can and says how to get the rest. */
@ExtendWith(ApplicationExtension.class)
class NoModelTest {
    @TempDir
    static Path home;
    private TestWindow app;

    @Start
    void start(Stage stage) {
        app = new TestWindow(stage, home.resolve("missing.safetensors"), home.resolve("no-data"), home);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(app::close);
    }

    @Test
    void summaryStillShowsAndActionsExplainWhatIsMissing(FxRobot robot) {
        assertEquals(ModelService.Status.MISSING, app.services.model().status().get());
        assertTrue(app.services.model().message().get().contains("missing.safetensors"));
        TableView<?> summary = robot.lookup("#summaryTable").queryAs(TableView.class);
        assertEquals(50, summary.getItems().size()); // 8 x (conv + 5 BN tensors) + classifier weight and bias
        assertEquals("9,228,362 parameters × 32 bits = 35.20 MiB",
                robot.lookup("#modelTotal").queryAs(Label.class).getText());
        assertTrue(robot.lookup("Open model…").tryQuery().isPresent());

        robot.clickOn("#evaluateButton");
        assertEquals(1, app.prompts.needModel.get());
        robot.clickOn("K-Means");
        // the K-Means tab scrolls; the button may sit below the fold of this 1200x760 window
        Button quantize = robot.lookup("#quantizeButton").queryButton();
        robot.interact(quantize::fire);
        assertEquals(2, app.prompts.needModel.get());
        assertTrue(app.errors.errors.isEmpty());
    }
}
