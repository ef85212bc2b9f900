package dev.quantlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.qat.QatTab;
import dev.quantlab.app.qat.QatViewModel;
import dev.quantlab.app.services.TestSubset;
import dev.quantlab.data.CifarDataset;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.results.Method;
import dev.quantlab.results.RunRecord;
import dev.quantlab.testing.Cifar10;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
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
 * Real QAT on a handful of steps: the untrained test VGG, 64 training images in batches of 8, 100 test images
 * (where the 2-bit model loses a point to fp32, so with threshold 0 QAT always runs).
 */
@ExtendWith(ApplicationExtension.class)
@Tag(Cifar10.TAG)
class QatRunTest {
    private static final int TRAIN_IMAGES = 64;
    @TempDir
    static Path home;
    private TestWindow app;
    private QatTab tab;
    private QatViewModel vm;

    @Start
    void start(Stage stage) {
        Path data = Cifar10.root();
        app = new TestWindow(stage, TestWeights.file(), data, home);
        tab = (QatTab) app.window.tab(QatTab.ID).orElseThrow();
        vm = tab.viewModel();
        vm.useTrainSplit((progress, cancel) -> tiny(data));
        app.window.select(QatTab.ID);
    }

    private static CifarSplit tiny(Path data) {
        CifarSplit test = CifarDataset.test(data);
        int from = test.size() - TRAIN_IMAGES;
        return new CifarSplit("tiny", Arrays.copyOfRange(test.pixels(), from * CifarSplit.IMAGE_BYTES,
                test.size() * CifarSplit.IMAGE_BYTES), Arrays.copyOfRange(test.labels(), from, test.size()));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(app::close);
    }

    private void configure(FxRobot robot, int epochs, double fraction) {
        robot.interact(() -> {
            vm.bits().set(2);
            vm.batchSize().set(8);
            vm.subset().set(new TestSubset(100));
            vm.threshold().set(0.0);
            vm.epochs().set(epochs);
            vm.fraction().set(fraction);
        });
    }

    @Test
    void aShortRunUpdatesTheLiveChartsRecordsItsResultAndARunningOneStops(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.services.model().isLoaded());
        configure(robot, 2, 0.5); // 2 x 4 steps
        robot.clickOn("#qatStart");
        assertTrue(vm.job().isRunning());
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> !vm.rows().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(tab.lossPoints() >= 4, "loss points: " + tab.lossPoints());
        assertEquals(4, tab.centroidLines(), "2 bits: four centroid trajectories");
        String log = robot.lookup("#qatConsole").queryAs(TextArea.class).getText();
        assertTrue(log.contains("2-bit k-means quantized model has accuracy="), log);
        assertTrue(log.contains("Quantization-aware training due to accuracy drop="), log);
        assertTrue(log.contains("Epoch 0 Accuracy "), log);
        assertTrue(vm.rows().get(0).trained());
        RunRecord recorded = app.services.results().runs().get(app.services.results().runs().size() - 1);
        assertEquals(Method.KMEANS_QAT, recorded.method());
        assertEquals(2.20, recorded.lessonMib(), 0.01);
        assertEquals(100, recorded.testImages());
        assertEquals(0.5, vm.settings().epochFraction(), 1e-9, "the form keeps values set in code");
        assertEquals(8, vm.settings().batchSize());
        assertTrue(app.errors.errors.isEmpty(), app.errors.errors.toString());

        configure(robot, 5, 1.0); // 40 steps: long enough to stop
        robot.clickOn("#qatStart");
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> tab.lossPoints() >= 1 || !vm.job().isRunning());
        WaitForAsyncUtils.waitForFxEvents();
        if (!app.errors.errors.isEmpty()) {
            app.errors.errors.get(0).printStackTrace();
        }
        assertTrue(vm.job().isRunning(), () -> vm.job().messageProperty().get() + " " + app.errors.errors);
        int seen = tab.lossPoints();
        assertTrue(seen >= 1 && seen < 40);
        robot.clickOn("#qatStop");
        // the run stops once its current step is done
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.job().isRunning());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.services.jobs().running().isEmpty(), "the job left the status bar");
        Button start = robot.lookup("#qatStart").queryAs(Button.class);
        assertFalse(start.isDisabled(), "Start is enabled again");
        assertTrue(robot.lookup("#qatStop").queryAs(Button.class).isDisabled());
        assertEquals(1, vm.rows().size(), "a stopped run adds no row");
        robot.interact(() -> vm.bits().set(3)); // the form is usable
        assertEquals(3, vm.settings().bits());
        assertTrue(app.errors.errors.isEmpty(), app.errors.errors.toString());
    }
}
