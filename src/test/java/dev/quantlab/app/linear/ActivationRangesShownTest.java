package dev.quantlab.app.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import ai.djl.ndarray.NDManager;
import dev.quantlab.app.TestWeights;
import dev.quantlab.app.TestWindow;
import dev.quantlab.app.charts.ChartPane;
import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.jobs.JobStart;
import dev.quantlab.app.services.LinearRun;
import dev.quantlab.app.services.RangeMethod;
import dev.quantlab.app.services.TestSubset;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.data.CifarDataset;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.eval.Evaluator;
import dev.quantlab.linear.ActivationRanges;
import dev.quantlab.linear.FoldedVgg;
import dev.quantlab.linear.IntegerVgg;
import dev.quantlab.linear.IntegerVggConfig;
import dev.quantlab.linear.MinMax;
import dev.quantlab.linear.pipeline.ActivationCalibrator;
import dev.quantlab.linear.pipeline.IntegerPredictor;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggNet;
import dev.quantlab.results.RunRecord;
import dev.quantlab.testing.Cifar10;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
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
 * The Linear tab's activation histograms: after one calibration pass with the chosen method, the lines drawn for
 * each method at a point are the ranges the pipeline computes when it calibrates with that method on its own
 * (a separate {@link ActivationCalibrator#calibrate} per method on the same images), and the run uses the chosen
 * method's ranges.
 */
@ExtendWith(ApplicationExtension.class)
@Tag(Cifar10.TAG)
class ActivationRangesShownTest {
    private static final int IMAGES = 64;
    @TempDir
    static Path home;
    private TestWindow app;
    private LinearViewModel vm;

    @Start
    void start(Stage stage) {
        app = new TestWindow(stage, TestWeights.file(), Cifar10.root(), home);
        vm = ((LinearTab) app.window.tab(LinearTab.ID).orElseThrow()).viewModel();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(app::close);
    }

    @Test
    void theDrawnRangesAreThePipelinesRangesForEachMethod(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.services.model().isLoaded());
        robot.interact(() -> {
            app.window.select(LinearTab.ID);
            vm.calibrationImages().set(IMAGES);
            vm.rangeMethod().set(RangeMethod.MSE);
            vm.bits().set(4);
            vm.activationsFollowBits().set(true); // MSE and entropy aim at 4-bit activations
            assertEquals(JobStart.STARTED, vm.calibrate());
        });
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> vm.calibration().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.errors.errors.isEmpty(), () -> app.errors.errors.toString());

        Map<RangeMethod, ActivationRanges> expected = new EnumMap<>(RangeMethod.class);
        CifarSplit train = CifarDataset.train(Cifar10.root());
        try (NDManager m = NDManager.newBaseManager();
             VggNet net = VggNet.fromStateDict(m, app.services.model().weights().get())) {
            for (RangeMethod method : RangeMethod.values()) {
                expected.put(method, ActivationCalibrator.calibrate(m, net, train, method.settings(IMAGES, 4),
                        ProgressListener.NONE, CancellationToken.none()));
            }
        }
        assertEquals(RangeMethod.MSE, vm.calibration().get().method());
        assertRangesEqual(expected.get(RangeMethod.MSE), vm.calibration().get().ranges(), "backbone.conv3.output");

        XYPlot plot = (XYPlot) robot.lookup("#activationHistogram").queryAs(ChartPane.class).viewer().getChart()
                .getPlot();
        for (String point : List.of("backbone.conv1.input", "backbone.conv5.output", "classifier.output")) {
            robot.interact(() -> vm.point().set(point));
            WaitForAsyncUtils.waitForFxEvents();
            List<Double> drawn = new ArrayList<>();
            for (Object marker : plot.getDomainMarkers(Layer.FOREGROUND)) {
                drawn.add(((ValueMarker) marker).getValue());
            }
            assertEquals(2 * RangeMethod.values().length, drawn.size(), point);
            for (RangeMethod method : RangeMethod.values()) {
                MinMax r = expected.get(method).get(point);
                assertEquals(r.min(), drawn.get(2 * method.ordinal()), 1e-6 * (1 + Math.abs(r.min())),
                        point + " " + method + " min");
                assertEquals(r.max(), drawn.get(2 * method.ordinal() + 1), 1e-6 * (1 + Math.abs(r.max())),
                        point + " " + method + " max");
            }
            assertTrue(plot.getDataset().getItemCount(0) > 0, point + ": no bars");
        }
        // the methods differ somewhere (the test would not notice a chart drawing one range four times)
        MinMax minMax = expected.get(RangeMethod.MIN_MAX).get("classifier.output");
        MinMax mse = expected.get(RangeMethod.MSE).get("classifier.output");
        assertTrue(minMax.max() != mse.max() || minMax.min() != mse.min(), minMax + " vs " + mse);
    }

    @Test
    void everyRangeMethodGivesOneRowWithThePipelinesAccuracyAndARecordThatSaysTheMethod(FxRobot robot)
            throws Exception {
        int testImages = 20;
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.services.model().isLoaded());
        robot.interact(() -> {
            app.window.select(LinearTab.ID);
            vm.calibrationImages().set(IMAGES);
            vm.bits().set(4);
            vm.activationsFollowBits().set(true);
            vm.subset().set(new TestSubset(testImages));
        });
        // below the fold of the test window: the button is fired as a click would
        robot.interact(() -> robot.lookup("#linearEveryMethod").queryButton().fire());
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> vm.runs().size() == RangeMethod.values().length
                && !vm.job().isRunning());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.errors.errors.isEmpty(), () -> app.errors.errors.toString());

        // each method on its own, straight through the pipeline: calibrate, build, evaluate the same test images
        StateDict fp32 = app.services.model().weights().get();
        FoldedVgg folded = FoldedVgg.fromStateDict(fp32);
        IntegerVggConfig config = IntegerVggConfig.lesson().withWeightBits(4).withActivationBits(4);
        CifarSplit train = CifarDataset.train(Cifar10.root());
        CifarSplit test = CifarDataset.test(Cifar10.root());
        List<String> names = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager(); VggNet net = VggNet.fromStateDict(m, fp32)) {
            for (RangeMethod method : RangeMethod.values()) {
                ActivationRanges ranges = ActivationCalibrator.calibrate(m, net, train, method.settings(IMAGES, 4),
                        ProgressListener.NONE, CancellationToken.none());
                double expected = new Evaluator(10).evaluate(new IntegerPredictor(IntegerVgg.build(folded, ranges,
                        config)), test, testImages, ProgressListener.NONE, CancellationToken.none()).accuracyPercent();
                LinearRun row = vm.runs().stream().filter(r -> r.ranges() == method).findFirst().orElseThrow();
                assertEquals(expected, row.accuracy(), 1e-9, method.toString());
                assertEquals(testImages, row.images());
                names.add(row.modelName(Texts.of(Locale.ENGLISH)));
            }
        }
        assertEquals(List.of("W4A4", "W4A4 · p99.99", "W4A4 · MSE", "W4A4 · KL"), names);
        List<String> notes = app.services.results().runs().stream().map(RunRecord::note).toList();
        assertEquals(4, notes.size(), notes.toString());
        assertTrue(notes.get(0).endsWith("img/s"), notes.get(0));
        assertTrue(notes.get(2).endsWith(", ranges MSE"), notes.get(2));
        assertTrue(notes.get(3).endsWith(", ranges entropy"), notes.get(3));
        String status = robot.lookup("#linearStatus").queryAs(Label.class).getText();
        assertTrue(status.startsWith("min/max (lesson) "), status);
        assertTrue(status.endsWith(" on 20 images."), status);
    }

    private static void assertRangesEqual(ActivationRanges expected, ActivationRanges actual, String point) {
        assertEquals(expected.get(point).min(), actual.get(point).min(), 1e-6);
        assertEquals(expected.get(point).max(), actual.get(point).max(), 1e-6);
    }
}
