package dev.quantlab.app.integer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.quantlab.app.export.ExportFilesTest;
import dev.quantlab.app.TestWeights;
import dev.quantlab.app.TestWindow;
import dev.quantlab.app.export.ExportResult;
import dev.quantlab.app.services.Calibration;
import dev.quantlab.app.services.TestSubset;
import dev.quantlab.data.CifarDataset;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.linear.ConvWorkedExample;
import dev.quantlab.linear.FoldedVgg;
import dev.quantlab.linear.Int8Activations;
import dev.quantlab.linear.IntegerVgg;
import dev.quantlab.linear.KernelRunner;
import dev.quantlab.linear.QuantizedConv2d;
import dev.quantlab.linear.RequantMode;
import dev.quantlab.results.Method;
import dev.quantlab.results.RunRecord;
import dev.quantlab.testing.Cifar10;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
 * The Integer and Linear tabs on a few shared CIFAR-10 images: calibration on 64 training images, fp32 versus
 * integer on 20 test images, the worked example against the integer model's own conv output, results recorded,
 * figures exported.
 */
@ExtendWith(ApplicationExtension.class)
@Tag(Cifar10.TAG)
class IntegerTabTest {
    private static final int CALIBRATION = 64;
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
    void runFillsTheComparisonAndTheWorkedExampleMatchesTheModel(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.services.model().isLoaded());
        robot.interact(() -> {
            app.window.select(IntegerTab.ID);
            vm.calibrationImages().set(CALIBRATION);
            vm.subset().set(new TestSubset(IMAGES));
            vm.layer().set(1);
            vm.oc().set(5);
            vm.y().set(0);
            vm.x().set(31); // a corner: the window holds padding
            vm.image().set(3);
        });
        // the run card lies below the engines: press the button wherever the tab is scrolled to
        robot.interact(() -> robot.lookup("#integerRun").queryButton().fire());
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> vm.comparison().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.errors.errors.isEmpty(), () -> app.errors.errors.toString());
        Comparison c = vm.comparison().get();
        assertEquals(IMAGES, c.integer().images());
        assertEquals(IMAGES, c.fp32().images());
        assertEquals(String.format(java.util.Locale.ROOT, "%.2f %%", c.integer().accuracyPercent()),
                robot.lookup("#result-0-1").queryAs(Label.class).getText());
        assertEquals("8.80 MiB", robot.lookup("#result-1-1").queryAs(Label.class).getText());
        assertEquals("35.20 MiB", robot.lookup("#result-1-0").queryAs(Label.class).getText());
        assertTrue(c.run().storedMib() > 8.7 && c.run().storedMib() < 8.9, "8-bit weights + int32 biases: "
                + c.run().storedMib());
        RunRecord recorded = app.services.results().snapshot().stream().filter(r -> r.method() == Method.INTEGER)
                .findFirst().orElseThrow();
        assertEquals(8, recorded.weightBits());
        assertEquals(8, recorded.activationBits());
        assertEquals(IMAGES, recorded.testImages());

        assertExampleMatchesTheModel(robot);
        robot.interact(() -> vm.requantMode().set(RequantMode.FIXED_POINT));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.example().get() != null
                && vm.example().get().key().config().requantMode() == RequantMode.FIXED_POINT);
        assertExampleMatchesTheModel(robot);

        AtomicReference<ExportResult> exported = new AtomicReference<>();
        IntegerTab tab = (IntegerTab) app.window.tab(IntegerTab.ID).orElseThrow();
        robot.interact(() -> app.export.exportAllTo(tab.figures(), out, exported::set));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> exported.get() != null);
        assertEquals(2, exported.get().written().size()); // the run's table and the worked example
                assertTrue(Files.readString(out.resolve("integer-worked-example.csv")).contains("accumulator"));
    }

    /** The element the tab shows equals the library's worked example and the conv layer's own output. */
    private void assertExampleMatchesTheModel(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.example().get() != null
                && vm.example().get().key().layer() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        WorkedExample shown = vm.example().get();
        Calibration cal = vm.calibration().get();
        IntegerVgg model = IntegerVgg.build(FoldedVgg.fromStateDict(app.services.model().weights().get()),
                cal.ranges(), shown.key().config());
        CifarSplit test = CifarDataset.test(Cifar10.root());
        byte[] image = java.util.Arrays.copyOfRange(test.pixels(), 3 * CifarSplit.IMAGE_BYTES,
                4 * CifarSplit.IMAGE_BYTES);
        Int8Activations in = model.convInput(image, 0, 1);
        QuantizedConv2d conv = model.convs().get(1);
        int expected = conv.forward(in, KernelRunner.sequential()).get(0, 0, 31, 5);
        ConvWorkedExample library = ConvWorkedExample.of(conv, in, 0, 5, 0, 31);
        assertEquals(expected, shown.steps().output());
        assertEquals(expected, shown.layerOutput());
        assertEquals(library.accumulator(), shown.steps().accumulator());
        assertEquals(library.productSum(), shown.steps().productSum());
        assertEquals(Integer.toString(library.accumulator()),
                robot.lookup("#step-accumulator").queryAs(Label.class).getText());
        assertEquals(Integer.toString(library.shiftedBias()),
                robot.lookup("#step-shiftedBias").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#step-output").queryAs(Label.class).getText().startsWith(expected + "  ✓"));
        int padded = 0;
        for (int i = 0; i < 9; i++) {
            padded += library.padding()[i] ? 1 : 0;
        }
        assertEquals(5, padded); // top row and right column of the first channel's window at (0, 31)
        assertEquals(Integer.toString(library.inputZeroPoint()), shownCell(robot, 0));
    }

    private static String shownCell(FxRobot robot, int i) {
        javafx.scene.layout.GridPane g = robot.lookup("#inputWindow").queryAs(javafx.scene.layout.GridPane.class);
        return ((Label) g.getChildren().get(i)).getText();
    }
}
