package dev.quantlab.app.integer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.quantlab.app.TestWeights;
import dev.quantlab.app.TestWindow;
import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.jobs.JobStart;
import dev.quantlab.app.services.Numbers;
import dev.quantlab.app.services.TestSubset;
import dev.quantlab.data.CifarDataset;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.linear.FoldedVgg;
import dev.quantlab.linear.IntegerVgg;
import dev.quantlab.onnx.EngineBenchmark;
import dev.quantlab.onnx.OrtModel;
import dev.quantlab.testing.Cifar10;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
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
 * The Integer tab's engines on a few real test images: the four engines run in one job, QuantLab's int8
 * accuracy equals the integer model run directly on the same images, the table, the chart and the explanation
 * show the measured numbers (also in Traditional Chinese), and the ONNX export writes a file ONNX Runtime loads
 * or reports one clear error.
 */
@ExtendWith(ApplicationExtension.class)
@Tag(Cifar10.TAG)
class EnginesViewModelTest {
    private static final int IMAGES = 20;
    @TempDir
    static Path home;
    @TempDir
    Path out;
    private TestWindow app;
    private IntegerViewModel vm;

    @Start
    void start(Stage stage) {
        app = new TestWindow(stage, TestWeights.file(), Cifar10.root(), home);
        vm = ((IntegerTab) app.window.tab(IntegerTab.ID).orElseThrow()).viewModel();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(app::close);
    }

    @Test
    void fourEnginesRunOnTheSameImagesAndTheExplanationShowsTheirNumbers(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.services.model().isLoaded());
        robot.interact(() -> {
            app.window.select(IntegerTab.ID);
            vm.calibrationImages().set(64);
            vm.engines().subset().set(new TestSubset(IMAGES));
            vm.engines().latencyImages().set(2);
        });
        robot.interact(() -> assertEquals(JobStart.STARTED, vm.engines().run()));
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> vm.engines().outcome().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.errors.errors.isEmpty(), () -> app.errors.errors.toString());
        EngineRace.Outcome o = vm.engines().outcome().get();
        assertEquals(List.of("FP32_LIBTORCH", "INT8_QUANTLAB", "INT8_ORT", "FP32_ORT"),
                o.report().engines().stream().map(EngineBenchmark.EngineResult::engine).toList());
        for (EngineBenchmark.EngineResult r : o.report().engines()) {
            assertEquals(IMAGES, r.images());
            assertEquals(2, r.latencyImages());
            assertTrue(r.batchSeconds() > 0 && r.latencySeconds() > 0);
        }

        // QuantLab's int8 accuracy equals the integer model built and run here on the same balanced images
        IntegerVgg model = IntegerVgg.build(FoldedVgg.fromStateDict(app.services.model().weights().get()),
                vm.calibration().get().ranges(), vm.config());
        CifarSplit test = CifarDataset.test(Cifar10.root());
        int[] idx = test.balancedIndices(IMAGES);
        byte[] pixels = new byte[IMAGES * CifarSplit.IMAGE_BYTES];
        for (int i = 0; i < IMAGES; i++) {
            System.arraycopy(test.pixels(), idx[i] * CifarSplit.IMAGE_BYTES, pixels, i * CifarSplit.IMAGE_BYTES,
                    CifarSplit.IMAGE_BYTES);
        }
        int[][] logits = model.logits(pixels, IMAGES);
        int correct = 0;
        for (int i = 0; i < IMAGES; i++) {
            int best = 0;
            for (int c = 1; c < logits[i].length; c++) {
                best = logits[i][c] > logits[i][best] ? c : best;
            }
            correct += best == test.label(idx[i]) ? 1 : 0;
        }
        assertEquals(correct, o.result(EngineKind.INT8_QUANTLAB).correct());
        EngineBenchmark.Agreement a = o.agreement();
        assertEquals(IMAGES, a.images());
        assertTrue(a.sameTop1() >= a.identicalLogits());

        EngineBenchmark.EngineResult ql = o.result(EngineKind.INT8_QUANTLAB);
        String speed = Numbers.fixed(ql.imagesPerSecond(), 1);
        assertEquals(speed, robot.lookup("#engine-1-0").queryAs(Label.class).getText());
        assertEquals(Numbers.percent(o.result(EngineKind.FP32_ORT).accuracyPercent()),
                robot.lookup("#engine-3-4").queryAs(Label.class).getText());
        String slow = robot.lookup("#why-0").queryAs(Label.class).getText();
        assertTrue(slow.contains(speed + " img/s"), slow);
        assertTrue(slow.contains(Numbers.fixed(o.result(EngineKind.FP32_LIBTORCH).imagesPerSecond(), 1)), slow);
        String agreement = robot.lookup("#why-3").queryAs(Label.class).getText();
        assertTrue(agreement.contains("identical on " + a.identicalLogits() + " ("), agreement);
        assertTrue(agreement.contains(a.maxLsbDifference() + " LSB"), agreement);
        assertEquals(4, robot.lookup("#integerWhy").queryAs(javafx.scene.layout.VBox.class).getChildren().size());

        List<String> zh = EngineExplanation.of(Texts.of(Locale.TRADITIONAL_CHINESE), o);
        List<String> en = EngineExplanation.of(Texts.of(Locale.ENGLISH), o);
        for (int i = 0; i < zh.size(); i++) {
            assertNotEquals(en.get(i), zh.get(i));
            assertTrue(zh.get(i).codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp)
                    == Character.UnicodeScript.HAN), zh.get(i));
        }
        assertTrue(zh.get(0).contains(speed), zh.get(0));
    }

    @Test
    void onnxExportWritesAFileOnnxRuntimeLoadsOrReportsOneClearError(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.services.model().isLoaded());
        Path file = out.resolve("fp32.onnx");
        robot.interact(() -> assertEquals(JobStart.STARTED, vm.engines().exportOnnx(OnnxFiles.Kind.FP32, file)));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !vm.engines().exportJob().isRunning()
                && Files.exists(file));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.errors.errors.isEmpty(), () -> app.errors.errors.toString());
        try (OrtModel ort = OrtModel.load(Files.readAllBytes(file), 1)) {
            float[][] l = ort.floatLogits(new float[CifarSplit.IMAGE_BYTES], 1);
            assertEquals(10, l[0].length);
        }

        Path blocker = Files.writeString(out.resolve("not-a-folder"), "x");
        Path bad = blocker.resolve("model.onnx");
        robot.interact(() -> assertEquals(JobStart.STARTED, vm.engines().exportOnnx(OnnxFiles.Kind.FP32, bad)));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !app.errors.errors.isEmpty());
        assertEquals(1, app.errors.errors.size());
        assertTrue(app.errors.errors.get(0).getMessage().startsWith("cannot write " + bad), 
                app.errors.errors.get(0).getMessage());
        assertTrue(Files.isRegularFile(blocker));
    }
}
