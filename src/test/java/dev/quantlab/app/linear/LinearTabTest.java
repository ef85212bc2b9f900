package dev.quantlab.app.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.export.ExportFilesTest;
import dev.quantlab.app.TestWeights;
import dev.quantlab.app.TestWindow;
import dev.quantlab.app.export.ExportResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Linear tab without data: the nine histograms follow the bit-width slider; its figures export. */
@ExtendWith(ApplicationExtension.class)
class LinearTabTest {
    @TempDir
    static Path home;
    @TempDir
    Path out;
    private TestWindow app;
    private LinearViewModel vm;

    @Start
    void start(Stage stage) {
        app = new TestWindow(stage, TestWeights.file(), home.resolve("no-data"), home);
        vm = ((LinearTab) app.window.tab(LinearTab.ID).orElseThrow()).viewModel();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(app::close);
    }

    @Test
    void theSliderSetsTheIntegersShownInEveryHistogram(FxRobot robot) throws Exception {
        robot.interact(() -> app.window.select(LinearTab.ID));
        awaitPreview(4);
        assertIntegerBars(robot, 4);

        Slider slider = robot.lookup("#linearBitsSlider").queryAs(Slider.class);
        robot.clickOn(slider.lookup(".thumb"));
        robot.type(KeyCode.LEFT, 2);
        awaitPreview(2);
        assertIntegerBars(robot, 2);
        robot.type(KeyCode.RIGHT, 6);
        awaitPreview(8);
        assertIntegerBars(robot, 8);
        LayerQuantization classifier = vm.preview().get().layers().get(8);
        assertEquals(-128, classifier.qmin());
        assertTrue(classifier.distinctValues() > 16, "8-bit weights use many integers");
        for (LayerQuantization q : vm.preview().get().layers()) {
            assertTrue(q.perTensorMse() >= q.perChannelMse(), q.layer() + ": per-tensor can only be worse");
        }

        robot.clickOn("#viewFp32");
        WaitForAsyncUtils.waitForFxEvents();
        XYPlot plot = plot(robot, 0);
        assertEquals(LinearPreviews.FP32_BINS, plot.getDataset(0).getItemCount(0));
        assertTrue(app.errors.errors.isEmpty(), () -> app.errors.errors.toString());
    }

    @Test
    void exportAllWritesTheHistogramsTheErrorChartAndTheTables(FxRobot robot) throws Exception {
        robot.interact(() -> app.window.select(LinearTab.ID));
        awaitPreview(4);
        AtomicReference<ExportResult> exported = new AtomicReference<>();
        LinearTab tab = (LinearTab) app.window.tab(LinearTab.ID).orElseThrow();
        robot.interact(() -> app.export.exportAllTo(tab.figures(), out, exported::set));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> exported.get() != null);
        assertEquals(10 * 3 + 2, exported.get().written().size()); // 9 histograms + error chart, 3 formats; 2 CSV
        assertPng(out.resolve("linear-conv0-4bit-histogram.png"));
        assertTrue(Files.readString(out.resolve("linear-error-per-channel-vs-per-tensor-4bit.svg")).contains("<svg"));
        assertEquals("%PDF-", new String(Files.readAllBytes(out.resolve("linear-conv7-4bit-histogram.pdf")), 0, 5,
                java.nio.charset.StandardCharsets.US_ASCII));
        String scales = Files.readString(out.resolve("linear-scales-4bit.csv"));
        assertTrue(scales.startsWith("layer,shape,weight_bits,weight_scale_min"), scales);
        assertEquals(1 + 9, scales.split("\r\n").length);
        assertFalse(Files.readString(out.resolve("linear-error-4bit.csv")).isBlank());
    }

    private void awaitPreview(int bits) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.preview().get() != null
                && vm.preview().get().bits() == bits && !vm.computing().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every histogram shows one bar per integer of the range, and no weight falls outside it. */
    private void assertIntegerBars(FxRobot robot, int bits) {
        for (int i = 0; i < 9; i++) {
            XYPlot plot = plot(robot, i);
            int bars = plot.getDataset(0).getItemCount(0);
            assertEquals(1 << bits, bars, "layer " + i + " at " + bits + " bits");
            assertEquals(-(1 << (bits - 1)), plot.getDataset(0).getXValue(0, 0), 1e-9);
            LayerQuantization q = vm.preview().get().layers().get(i);
            double sum = 0;
            for (int b = 0; b < bars; b++) {
                sum += plot.getDataset(0).getYValue(0, b);
            }
            assertEquals(q.weights(), sum, 0.5);
        }
    }

    private static XYPlot plot(FxRobot robot, int index) {
        GridPane grid = robot.lookup("#histogramGrid").queryAs(GridPane.class);
        Node pane = grid.getChildren().get(index);
        ChartViewer viewer = (ChartViewer) ((javafx.scene.layout.StackPane) pane).getChildren().get(0);
        return viewer.getChart().getXYPlot();
    }

    private static void assertPng(Path file) throws java.io.IOException {
        byte[] head = java.util.Arrays.copyOf(java.nio.file.Files.readAllBytes(file), 8);
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, head);
    }
}
