package dev.quantlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.compare.CompareTab;
import dev.quantlab.results.Method;
import dev.quantlab.results.ResultsStore;
import dev.quantlab.results.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A damaged results file at start: the app opens, says what happened, and records afresh. */
@ExtendWith(ApplicationExtension.class)
class CorruptResultsTest {
    @TempDir
    static Path home;
    private TestWindow app;

    @Start
    void start(Stage stage) {
        try {
            Files.writeString(home.resolve(ResultsStore.FILE_NAME), "not json at all {");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        app = new TestWindow(stage, TestWeights.file(), home.resolve("no-data"), home);
        app.window.select(CompareTab.ID);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(app::close);
    }

    @Test
    void theAppOpensWithAClearMessageAndAFreshStore(FxRobot robot) throws Exception {
        Node banner = robot.lookup("#resultsProblem").query();
        assertTrue(banner.isVisible());
        String text = ((javafx.scene.control.Label) ((javafx.scene.layout.HBox) banner).getChildren().get(0)).getText();
        assertTrue(text.contains(ResultsStore.FILE_NAME) && text.contains(".unreadable-"), text);
        assertTrue(app.services.results().runs().isEmpty());
        try (var kept = Files.list(home)) {
            assertEquals(1, kept.filter(p -> p.getFileName().toString().startsWith("results.json.unreadable-")).count());
        }
        robot.interact(() -> app.services.results().add(RunRecord.of(Method.KMEANS, 8, 8.8, 8.9, 92.0, 100)));
        app.services.results().store().flush();
        try (ResultsStore reopened = ResultsStore.open(home.resolve(ResultsStore.FILE_NAME))) {
            assertEquals(1, reopened.runs().size());
            assertTrue(reopened.loadProblem().isEmpty());
        }
    }
}
