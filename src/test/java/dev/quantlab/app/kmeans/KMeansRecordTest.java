package dev.quantlab.app.kmeans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.jobs.JobStart;
import dev.quantlab.app.services.TestSubset;
import dev.quantlab.results.Method;
import dev.quantlab.results.RunRecord;
import dev.quantlab.results.RunRecords;
import dev.quantlab.testing.Cifar10;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The fp32 row of a k-means run is the loaded model measured: it is recorded as the Baseline tab records the same
 * measurement (an fp32 run whose note names the model file), so the two tabs give one record, not two.
 */
@ExtendWith(ApplicationExtension.class)
@Tag(Cifar10.TAG)
class KMeansRecordTest {
    private static final int IMAGES = 20;
    @TempDir
    Path home;
    private KMeansWindow app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close(FxRobot robot) {
        if (app != null) {
            robot.interact(app::close);
        }
    }

    @Test
    void theFp32RowIsRecordedAsTheBaselineRecordsIt(FxRobot robot) throws Exception {
        robot.interact(() -> app = new KMeansWindow(stage, home, Cifar10.root(), Locale.ENGLISH, 1280, 720));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.services().model().isLoaded());
        JobStart[] start = new JobStart[1];
        robot.interact(() -> {
            app.vm().layer().bits().set(2);
            app.vm().runs().subset().set(new TestSubset(IMAGES));
            start[0] = app.vm().runs().quantizeAtCurrentBits();
        });
        assertEquals(JobStart.STARTED, start[0]);
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> !app.vm().runs().job().isRunning()
                && app.vm().runs().results().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.errors.isEmpty(), app.errors.toString());

        RunResult fp32Row = app.vm().runs().results().stream().filter(RunResult::isFp32).findFirst().orElseThrow();
        List<RunRecord> fp32 = app.services().results().runs().stream().filter(r -> r.method() == Method.FP32).toList();
        assertEquals(1, fp32.size(), fp32.toString());
        // what the Baseline tab records for this model on these images (EvaluationFlowTest checks that side)
        RunRecord baseline = RunRecords.fp32(fp32Row.accuracy(), IMAGES)
                .withNote("model=" + KMeansWindow.model().getFileName());
        assertEquals(baseline, fp32.get(0).withTimestamp(baseline.timestamp()));
        assertFalse(app.services().results().addUnlessPresent(baseline), "the Baseline's record would be a second");
    }
}
