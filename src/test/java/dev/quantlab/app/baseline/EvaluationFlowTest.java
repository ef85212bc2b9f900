package dev.quantlab.app.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.export.ExportFilesTest;
import dev.quantlab.app.export.ExportResult;
import dev.quantlab.app.export.OverwritePolicy;
import dev.quantlab.app.services.TestSubset;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.eval.EvalResult;
import dev.quantlab.kmeans.BitWidthPlan;
import dev.quantlab.kmeans.Init;
import dev.quantlab.kmeans.KMeansQuantizer;
import dev.quantlab.kmeans.PackedModels;
import dev.quantlab.kmeans.QuantizedModel;
import dev.quantlab.model.ModelFiles;
import dev.quantlab.model.ModelSize;
import dev.quantlab.model.PackedModelFile;
import dev.quantlab.results.Method;
import dev.quantlab.results.RunRecord;
import dev.quantlab.results.RunRecords;
import dev.quantlab.testing.Cifar10;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
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

/** Evaluation through the service on a few shared CIFAR-10 test images; cancelling; exporting the figures. */
@ExtendWith(ApplicationExtension.class)
@Tag(Cifar10.TAG)
class EvaluationFlowTest {
    private static final int IMAGES = 30;
    @TempDir
    Path home;
    @TempDir
    Path out;
    private BaselineHarness app;
    private BaselineViewModel vm;

    @Start
    void start(Stage stage) {
        app = new BaselineHarness(stage, BaselineHarness.weights(), Cifar10.root(), home, Locale.ENGLISH, 1200, 760);
        vm = app.tab.viewModel();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(app::close);
    }

    @Test
    void aSmallEvaluationFillsTheLabelsAndCharts(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.services.model().isLoaded());
        robot.interact(() -> vm.subset().set(new TestSubset(IMAGES)));
        robot.clickOn("#evaluateButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.result().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        EvalResult r = vm.result().get();
        assertEquals(IMAGES, r.images());
        String accuracy = robot.lookup("#accuracyLabel").queryAs(Label.class).getText();
        assertEquals(String.format(java.util.Locale.ROOT, "%.2f %%", r.accuracyPercent()), accuracy);
        assertTrue(robot.lookup("#evaluationStatus").queryAs(Label.class).getText().startsWith(IMAGES + " images in"));
        assertFalse(robot.lookup("#evaluateButton").queryAs(Button.class).isDisabled());
        assertTrue(app.errors.isEmpty(), () -> app.errors.toString());

        AtomicReference<ExportResult> exported = new AtomicReference<>();
        robot.interact(() -> app.export.exportAllTo(app.tab.figures(), out, exported::set));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> exported.get() != null);
        assertEquals(2 * 3 + 3, exported.get().written().size()); // 2 charts x PNG/SVG/PDF + 3 CSV tables
        assertTrue(Files.readString(out.resolve("baseline-per-class-accuracy.csv")).contains("airplane"));
        assertTrue(Files.size(out.resolve("baseline-confusion-matrix.png")) > 1000);

        exported.set(null);
        robot.interact(() -> app.export.setOverwritePolicy(OverwritePolicy.NEVER));
        robot.interact(() -> app.export.exportAllTo(app.tab.figures(), out, exported::set));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> exported.get() != null);
        assertEquals(0, exported.get().written().size());
        assertEquals(9, exported.get().skipped().size());
    }

    @Test
    void cancelStopsTheJobAndTheWindowStaysUsable(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.services.model().isLoaded());
        robot.interact(() -> vm.subset().set(new TestSubset(2000)));
        robot.clickOn("#evaluateButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.job().isRunning());
        assertFalse(robot.lookup("#cancelEvaluation").queryAs(Button.class).isDisabled());
        robot.clickOn("#cancelEvaluation");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.job().isRunning());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Cancelled.", robot.lookup("#evaluationStatus").queryAs(Label.class).getText());
        assertNull(vm.result().get());
        assertFalse(robot.lookup("#evaluateButton").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#cancelEvaluation").queryAs(Button.class).isDisabled());
        assertTrue(app.errors.isEmpty(), () -> app.errors.toString());

        robot.interact(() -> vm.subset().set(new TestSubset(20)));
        robot.clickOn("#evaluateButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.result().get() != null);
        assertEquals(20, vm.result().get().images());
    }

    @Test
    void aFinishedEvaluationIsRecordedOncePerModelAndSubset(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.services.model().isLoaded());
        assertEquals(List.of(), app.services.results().runs());
        evaluate(robot, 20);
        RunRecord expected = RunRecords.fp32(vm.result().get().accuracyPercent(), 20)
                .withNote("model=vgg-init.safetensors");
        assertEquals(1, app.services.results().runs().size());
        assertEquals(expected, app.services.results().runs().get(0).withTimestamp(expected.timestamp()));

        evaluate(robot, 20);
        assertEquals(1, app.services.results().runs().size(), "the same model on the same subset is recorded once");
        evaluate(robot, 30);
        assertEquals(List.of(20, 30), app.services.results().runs().stream().map(RunRecord::testImages).toList(),
                "another subset is another run");
    }

    @Test
    void aPackedKMeansFileIsSaidAndRecordedAsTheKMeansModelItIs(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.services.model().isLoaded());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#packedModelNotice").query().isVisible(), "no notice for an fp32 model");
        QuantizedModel q = new KMeansQuantizer().quantize(ModelFiles.load(BaselineHarness.weights()),
                BitWidthPlan.uniform(2), Init.LINEAR, 0, (d, t, m) -> { }, CancellationToken.none());
        Path packed = out.resolve("kmeans-2bit.safetensors");
        PackedModelFile.write(packed, PackedModels.pack(q.stateDict(), q.plan(), Map.of()));
        robot.interact(() -> app.services.model().load(packed));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.services.model().isLoaded()
                && packed.equals(app.services.model().path().get()));
        WaitForAsyncUtils.waitForFxEvents();
        Label notice = robot.lookup("#packedModelNotice .label").queryAs(Label.class);
        assertTrue(notice.getParent().isVisible());
        assertEquals("The model loaded is a 2-bit k-means model from a packed file ("
                + ModelSize.formatMib((double) Files.size(packed) / ModelSize.MIB) + " on disk), not the fp32 model: "
                + "evaluating it here measures and records that model.", notice.getText());

        evaluate(robot, 20);
        RunRecord run = app.services.results().runs().get(0);
        assertEquals(Method.KMEANS, run.method());
        assertEquals(2, run.weightBits());
        assertEquals(q.sizeReport().lessonMib(), run.lessonMib(), 1e-9);
        assertEquals(q.sizeReport().honestMib(), run.storedMib(), 1e-9);
        assertEquals(vm.result().get().accuracyPercent(), run.accuracy(), 1e-9);
        assertEquals("packed file=kmeans-2bit.safetensors", run.note());
        assertTrue(app.errors.isEmpty(), () -> app.errors.toString());

        robot.interact(() -> app.services.model().load(BaselineHarness.weights()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.services.model().isLoaded()
                && app.services.model().packed().get() == null);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#packedModelNotice").query().isVisible(), "the fp32 model again: no notice");
    }

    private void evaluate(FxRobot robot, int images) throws Exception {
        robot.interact(() -> vm.subset().set(new TestSubset(images)));
        robot.clickOn("#evaluateButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !vm.job().isRunning() && vm.result().get() != null
                && vm.result().get().images() == images);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
