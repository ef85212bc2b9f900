package dev.quantlab.app.qat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.TestWeights;
import dev.quantlab.app.TestWindow;
import dev.quantlab.app.services.KMeansSettings;
import dev.quantlab.app.services.TestSubset;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.data.CifarDataset;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.kmeans.BitWidthPlan;
import dev.quantlab.kmeans.KMeansQuantizer;
import dev.quantlab.results.Method;
import dev.quantlab.results.RunRecord;
import dev.quantlab.testing.Cifar10;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
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
            QatChoices c = vm.choices();
            c.bits().set(2);
            c.batchSize().set(8);
            c.subset().set(new TestSubset(100));
            c.threshold().set(0.0);
            c.epochs().set(epochs);
            c.fraction().set(fraction);
        });
    }

    @Test
    void aShortRunDrawsCentroidChangesNumbersEpochsAlikeEstimatesTimeAndAStoppedRunIsKept(FxRobot robot)
            throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.services.model().isLoaded());
        configure(robot, 2, 0.5); // 2 x 4 steps
        robot.clickOn("#qatStart");
        assertTrue(vm.job().isRunning());
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> !vm.rows().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.errors.errors.isEmpty(), app.errors.errors.toString());
        assertTrue(tab.view().lossChart().points() >= 8, "loss points: " + tab.view().lossChart().points());
        assertTrue(vm.rows().get(0).trained());
        RunRecord recorded = app.services.results().runs().get(app.services.results().runs().size() - 1);
        assertEquals(Method.KMEANS_QAT, recorded.method());
        assertEquals(2.20, recorded.lessonMib(), 0.01);
        assertEquals(100, recorded.testImages());
        assertEquals(0.5, vm.settings().epochFraction(), 1e-9, "the form keeps values set in code");

        centroidChartPlotsEachCentroidsChangeSinceTheStart();
        epochsAreNumberedAlikeInTheLogAndTheChart(robot);
        theNextRunIsEstimatedFromTheMeasuredStepTime(robot);
        aRunStoppedAfterItsFirstEpochIsKeptMarkedStopped(robot);
    }

    private void centroidChartPlotsEachCentroidsChangeSinceTheStart() {
        String layer = vm.choices().layer().get();
        QatLiveData.Track track = vm.live().track(layer).orElseThrow();
        XYSeriesCollection lines = tab.view().centroidChart().lines();
        assertEquals(4, lines.getSeriesCount(), "2 bits: four centroids");
        assertEquals(9, track.size(), "the start and 8 steps");
        // the start is the k-means codebook, computed here once more on the same weights
        float[] start = new KMeansQuantizer().quantize(app.services.model().weights().get(),
                BitWidthPlan.uniform(2), KMeansSettings.DEFAULT.init(), QatSettings.DEFAULT.seed(),
                ProgressListener.NONE, new CancellationToken()).codebook(layer).centroids();
        float[] first = new float[4];
        boolean moved = false;
        for (int c = 0; c < 4; c++) {
            first[c] = track.value(0, c);
            XYSeries s = lines.getSeries(c);
            assertEquals(track.size(), s.getItemCount());
            for (int i = 0; i < s.getItemCount(); i++) {
                assertEquals(track.step(i), s.getX(i).longValue());
                double codebookDifference = (double) track.value(i, c) - track.value(0, c);
                assertEquals(codebookDifference, s.getY(i).doubleValue(), 0.0);
            }
            assertEquals(0.0, s.getY(0).doubleValue(), 0.0, "no change at the start");
            moved |= s.getY(s.getItemCount() - 1).doubleValue() != 0;
        }
        assertArrayEquals(start, first, 0f);
        assertTrue(moved, "training moved the centroids");
    }

    private void epochsAreNumberedAlikeInTheLogAndTheChart(FxRobot robot) {
        String log = robot.lookup("#qatConsole").queryAs(TextArea.class).getText();
        assertTrue(log.contains("2-bit k-means quantized model has accuracy="), log);
        assertTrue(log.contains("Quantization-aware training due to accuracy drop="), log);
        List<QatLiveData.Point> points = vm.live().accuracy();
        assertEquals(List.of(0.0, 1.0, 2.0), points.stream().map(QatLiveData.Point::x).toList());
        for (QatLiveData.Point p : points) {
            String line = String.format(Locale.ROOT, "Epoch %d Accuracy %.2f%%", (int) p.x(), p.y());
            assertTrue(log.contains(line), line + " in\n" + log);
        }
        assertEquals(String.format(Locale.ROOT, "%.2f", vm.rows().get(0).before()),
                String.format(Locale.ROOT, "%.2f", points.get(0).y()), "epoch 0 is the model before QAT");
        assertFalse(log.contains("Epoch 3 "), log);
    }

    private void theNextRunIsEstimatedFromTheMeasuredStepTime(FxRobot robot) {
        StepTime measured = vm.time().stepTime().orElseThrow();
        assertTrue(measured.secondsPerTrainImage() > 0 && measured.secondsPerTestImage() > 0, measured.toString());
        configure(robot, 3, 1.0);
        // 3 epochs x 8 steps of 8 images, 4 evaluations of 100 test images
        double expected = 3 * 8 * 8 * measured.secondsPerTrainImage() + 4 * 100 * measured.secondsPerTestImage();
        assertEquals(expected, vm.time().estimateSeconds().orElseThrow(), 1e-9);
        String shown = robot.lookup("#qatTime").queryAs(Label.class).getText();
        assertTrue(shown.contains(QatTexts.duration(expected, app.services.language().texts())), shown);
    }

    private void aRunStoppedAfterItsFirstEpochIsKeptMarkedStopped(FxRobot robot) throws Exception {
        int recordsBefore = app.services.results().runs().size();
        configure(robot, 5, 1.0); // 5 x 8 steps
        robot.clickOn("#qatStart");
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> vm.live().accuracy().size() >= 2
                || !vm.job().isRunning());
        assertTrue(vm.job().isRunning(), () -> vm.job().messageProperty().get() + " " + app.errors.errors);
        assertTrue(vm.time().overall().get() > 0 && vm.time().overall().get() < 1, "overall progress shows");
        robot.clickOn("#qatStop");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.job().isRunning());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.errors.errors.isEmpty(), app.errors.errors.toString());
        assertTrue(app.services.jobs().running().isEmpty(), "the job left the status bar");
        assertFalse(robot.lookup("#qatStart").queryAs(Button.class).isDisabled(), "Start is enabled again");

        assertEquals(2, vm.rows().size(), "the stopped run is in Finished runs");
        QatRow row = vm.rows().get(1);
        assertTrue(row.stopped());
        assertEquals(5, row.plannedEpochs());
        assertTrue(row.epochs() >= 1 && row.epochs() < 5, "epochs: " + row.epochs());
        double best = vm.live().accuracy().stream().limit(row.epochs() + 1L).mapToDouble(QatLiveData.Point::y)
                .max().orElseThrow();
        assertEquals(best, row.after(), 1e-9, "its best accuracy so far");
        assertEquals(recordsBefore + 1, app.services.results().runs().size());
        RunRecord record = app.services.results().runs().get(recordsBefore);
        assertEquals(Method.KMEANS_QAT, record.method());
        assertEquals(row.after(), record.accuracy(), 1e-9);
        assertTrue(record.note().contains("stopped after " + row.epochs() + " of 5 epochs"), record.note());
        String log = robot.lookup("#qatConsole").queryAs(TextArea.class).getText();
        String said = "2-bit run stopped after " + row.epochs() + " of 5 epochs";
        assertTrue(log.contains(said), log);
        assertTrue(vm.job().messageProperty().get().startsWith(said), vm.job().messageProperty().get());
        assertTrue(QatResultsTable.epochs(row, app.services.language().texts()).endsWith("stopped"));
    }
}
