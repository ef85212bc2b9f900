package dev.quantlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.compare.CompareTab;
import dev.quantlab.app.export.ExportResult;
import dev.quantlab.app.export.ImageFormat;
import dev.quantlab.results.MeasuredResults;
import dev.quantlab.results.Method;
import dev.quantlab.results.ResultsJson;
import dev.quantlab.results.RunRecord;
import dev.quantlab.results.RunRecords;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Compare tab: recorded runs appear over the lesson's reference points, export, clear with confirmation. */
@ExtendWith(ApplicationExtension.class)
class CompareTabTest {
    @TempDir
    static Path home;
    @TempDir
    Path out;
    private TestWindow app;
    private CompareTab tab;

    @Start
    void start(Stage stage) {
        app = new TestWindow(stage, TestWeights.file(), home.resolve("no-data"), home);
        tab = (CompareTab) app.window.tab(CompareTab.ID).orElseThrow();
        app.window.select(CompareTab.ID);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> app.services.results().clear());
        robot.interact(app::close);
    }

    @Test
    void aRecordedRunIsPlottedOverTheLessonsNumbers(FxRobot robot) {
        assertEquals(7, tab.referencePoints(), "the lesson's published points");
        int before = tab.runPoints();
        robot.interact(() -> app.services.results().add(RunRecord.of(Method.KMEANS_QAT, 2, 2.20, 2.27, 88.5, 500)));
        assertEquals(before + 1, tab.runPoints());
    }

    @Test
    void resultsMeasuredOnTheLoadedModelAreShownAndFollowTheModel(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.services.model().isLoaded());
        assertEquals(0, tab.measuredPoints(), "the test weights have no results file beside them");
        Path measured = out.resolve("measured.safetensors");
        Files.copy(TestWeights.file(), measured);
        Files.writeString(MeasuredResults.besideModel(measured), ResultsJson.write(List.of(
                RunRecord.of(Method.FP32, 32, 35.20, 35.20, 92.73, 10_000),
                RunRecord.of(Method.LINEAR, 8, 8.80, 8.81, 92.77, 10_000),
                RunRecord.of(Method.KMEANS, 2, 2.20, 2.27, 23.04, 10_000),
                RunRecord.of(Method.KMEANS_BN, 2, 2.20, 2.27, 88.60, 10_000))));
        robot.interact(() -> app.services.model().load(measured));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> tab.measuredPoints() == 4);
        assertEquals(4, tab.measuredSeries(), "k-means with BatchNorm re-estimated is its own series, not a zig-zag "
                + "in plain k-means'");
        assertEquals(0, tab.runPoints(), "measured results are not the learner's runs");

        robot.interact(() -> app.services.model().load(TestWeights.file()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> tab.measuredPoints() == 0);

        Path damaged = out.resolve("damaged.safetensors");
        Files.copy(TestWeights.file(), damaged);
        Files.writeString(MeasuredResults.besideModel(damaged), "{ not json");
        robot.interact(() -> app.services.model().load(damaged));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> app.services.notice().get().contains("damaged-results.json"));
        assertEquals(0, tab.measuredPoints());
        assertTrue(app.errors.errors.isEmpty(), () -> app.errors.errors.toString());
    }

    @Test
    void theChartExportsAsPngSvgAndPdf(FxRobot robot) throws Exception {
        robot.interact(() -> app.services.results().add(RunRecord.of(Method.LINEAR, 8, 8.80, 8.83, 92.1, 1000)));
        for (ImageFormat f : ImageFormat.values()) {
            Path file = out.resolve("compare." + f.extension());
            AtomicReference<ExportResult> r = new AtomicReference<>();
            robot.interact(() -> app.export.exportFigureTo(tab.chartFigure(), f, file, r::set));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> r.get() != null);
            assertEquals(1, r.get().written().size(), f + ": " + app.errors.errors);
            byte[] bytes = Files.readAllBytes(file);
            String head = new String(Arrays.copyOf(bytes, 64), StandardCharsets.ISO_8859_1);
            switch (f) {
                case PNG -> assertTrue(head.startsWith("\u0089PNG"), head);
                case SVG -> assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("<svg"), head);
                case PDF -> assertTrue(head.startsWith("%PDF-"), head);
                default -> throw new AssertionError(f);
            }
        }
        Path png = out.resolve("compare.png");
        long size = Files.size(png);
        robot.interact(() -> app.export.setOverwritePolicy(dev.quantlab.app.export.OverwritePolicy.NEVER));
        AtomicReference<ExportResult> again = new AtomicReference<>();
        robot.interact(() -> app.export.exportFigureTo(tab.chartFigure(), ImageFormat.PNG, png, again::set));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> again.get() != null);
        assertEquals(List.of(png), again.get().skipped(), "an existing file is kept when replacing is refused");
        assertEquals(size, Files.size(png));
        assertEquals(app.services.language().t("app.export.keptExisting"), app.services.notice().get(),
                "the export's own outcome stays in the status line, after the job's");
    }

    @Test
    void clearingAsksFirst(FxRobot robot) {
        robot.interact(() -> app.services.results().add(RunRecord.of(Method.KMEANS, 4, 4.40, 4.47, 80.0, 500)));
        AtomicBoolean answer = new AtomicBoolean(false);
        robot.interact(() -> tab.useConfirmation((owner, n) -> answer.get()));
        robot.clickOn("#clearResults");
        assertEquals(1, app.services.results().runs().size(), "kept when the learner says no");
        answer.set(true);
        robot.clickOn("#clearResults");
        assertTrue(app.services.results().runs().isEmpty());
        assertEquals(0, tab.runPoints());
    }

    @Test
    void runsAreAddedFromAResultsFileOnceAndABadFileIsExplained(FxRobot robot) throws Exception {
        Path file = out.resolve("shipped-results.json");
        Files.writeString(file, ResultsJson.write(List.of(RunRecords.fp32(92.4, 10_000),
                RunRecord.of(Method.KMEANS_QAT, 2, 2.20, 2.22, 91.2, 10_000).withNote("rule=mean, epochs=5"))));
        String before = Files.readString(file);
        robot.interact(() -> tab.useFileChooser(owner -> Optional.of(file)));
        robot.clickOn("#addResults");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.services.results().runs().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, tab.runPoints());
        assertTrue(tab.importMessage().startsWith("Added 2 runs"), tab.importMessage());

        robot.clickOn("#addResults");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tab.importMessage().startsWith("Added 0 runs"));
        assertEquals(2, app.services.results().runs().size(), "the same runs are not added twice");
        assertEquals(before, Files.readString(file), "the file itself is left as it was");

        Path notResults = out.resolve("settings.json");
        Files.writeString(notResults, "{\"language\": \"en\"}");
        robot.interact(() -> tab.useFileChooser(owner -> Optional.of(notResults)));
        robot.clickOn("#addResults");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !app.errors.errors.isEmpty());
        assertTrue(app.errors.errors.toString().contains("is not a QuantLab results file"), app.errors.errors.toString());
        assertEquals(2, app.services.results().runs().size());
    }
}
