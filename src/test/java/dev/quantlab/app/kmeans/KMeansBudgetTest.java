package dev.quantlab.app.kmeans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.services.KMeansSettings;
import dev.quantlab.app.services.TestSubset;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.kmeans.BitWidthPlan;
import dev.quantlab.kmeans.KMeansQuantizer;
import dev.quantlab.kmeans.SizeReport;
import dev.quantlab.mixed.MixedPlan;
import dev.quantlab.mixed.ModelHash;
import dev.quantlab.mixed.SensitivityCache;
import dev.quantlab.model.ModelFiles;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggArchitecture;
import dev.quantlab.results.RunRecord;
import dev.quantlab.testing.Cifar10;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
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
 * Mixed precision in the K-Means tab: under a size budget "Choose widths" picks a width per layer from the cached
 * sensitivity cells (outlined in the heat map), and "Quantize with these widths" measures that model.
 */
@ExtendWith(ApplicationExtension.class)
class KMeansBudgetTest {
    private static final List<String> LAYERS = VggArchitecture.cifarVgg().weightMatrices().stream()
            .map(VggArchitecture.TensorSpec::name).toList();
    private static final double FP32 = 90.0;
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

    /**
     * Cells for widths 1-4 of every layer: 4 bits lose nothing, 3 bits 0.1, 2 bits 0.5 and 1 bit 50 points, except
     * conv0, which loses 20 points at 2 bits and 5 at 3. The best plan within the honest size of "conv0 at 4 bits,
     * every other layer at 2" is that plan: raising any other layer costs more bits than conv0's 1,728 weights
     * free, and lowering one to 1 bit costs 50 points.
     */
    private void cacheCells(String... withoutLayers) {
        SensitivityCache cache = SensitivityCache.open(home.resolve(KMeansTab.SENSITIVITY_CACHE));
        String hash = ModelHash.of(KMeansWindow.model());
        cache.put(SensitivityCache.key(hash, "fp32", "fp32", 32, SensitivityViewModel.IMAGES), FP32);
        for (String layer : LAYERS) {
            if (List.of(withoutLayers).contains(layer)) {
                continue;
            }
            boolean first = layer.equals("backbone.conv0.weight");
            double[] drops = {50, first ? 20 : 0.5, first ? 5 : 0.1, 0};
            for (int b = 1; b <= 4; b++) {
                cache.put(SensitivityCache.key(hash, "kmeans:seed" + KMeansSettings.DEFAULT.seed(), layer, b,
                        SensitivityViewModel.IMAGES), FP32 - drops[b - 1]);
            }
        }
    }

    /** Scrolls the tab down to the button (the budget row is at the bottom of the tab), then clicks it. */
    private static void click(FxRobot robot, String id) {
        Node button = robot.lookup(id).query();
        robot.interact(() -> {
            for (Node n = button; n != null; n = n.getParent()) {
                if (n instanceof ScrollPane scroll) {
                    scroll.setVvalue(scroll.getVmax());
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(id);
    }

    private static BitWidthPlan expectedPlan() {
        BitWidthPlan plan = BitWidthPlan.uniform(2);
        for (String layer : LAYERS) {
            plan = plan.with(layer, layer.equals("backbone.conv0.weight") ? 4 : 2);
        }
        return plan;
    }

    /** The expected plan's honest size, from quantizing the model with it (not from the search's own arithmetic). */
    private static SizeReport expectedSize(StateDict fp32) {
        return new KMeansQuantizer().quantize(fp32, expectedPlan(), KMeansSettings.DEFAULT.init(),
                KMeansSettings.DEFAULT.seed(), ProgressListener.NONE, CancellationToken.none()).sizeReport();
    }

    @Test
    void theBudgetChoosesTheBestWidthsAndOutlinesThemOrSaysWhyNot(FxRobot robot) throws Exception {
        cacheCells();
        robot.interact(() -> app = new KMeansWindow(stage, home, home.resolve("no-data"), Locale.ENGLISH, 1280, 720));
        SensitivityViewModel vm = app.vm().sensitivity();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.grid().get().missing() == 9 * 4);
        Texts t = Texts.of(Locale.ENGLISH);
        Label text = robot.lookup("#budgetChoice").queryAs(Label.class);
        assertEquals(t.t("kmeans.budget.none"), text.getText());
        assertTrue(robot.lookup("#quantizeChosen").queryAs(Button.class).isDisabled(), "nothing chosen yet");

        robot.interact(() -> vm.budgetMib().set(0.5));
        click(robot, "#chooseWidths");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(SensitivityViewModel.Choice.NOTHING_FITS, vm.choice().get());
        assertEquals(t.t("kmeans.budget.nothingFits", "0.50"), text.getText());

        StateDict fp32 = ModelFiles.load(KMeansWindow.model());
        SizeReport size = expectedSize(fp32);
        robot.interact(() -> vm.budgetMib().set(size.honestMib() + 1e-7));
        click(robot, "#chooseWidths");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(SensitivityViewModel.Choice.CHOSEN, vm.choice().get());
        MixedPlan plan = vm.plan().get();
        Map<String, Integer> expected = new LinkedHashMap<>();
        LAYERS.forEach(l -> expected.put(l, l.equals("backbone.conv0.weight") ? 4 : 2));
        assertEquals(expected, plan.bits());
        assertEquals(8 * 0.5, plan.predictedDrop(), 1e-9, "the sum of the chosen cells' drops");
        assertEquals(size.honestMib(), plan.sizeMib(), 1e-9, "the search's size is the quantized model's");
        assertTrue(text.getText().contains("conv0=4 conv1=2"), text.getText());

        // exactly the chosen cell of each layer is outlined
        List<String> outlined = robot.lookup(".chosen-width").queryAll().stream().map(Node::getId).sorted().toList();
        assertEquals(List.of("sens-classifier-2", "sens-conv0-4", "sens-conv1-2", "sens-conv2-2", "sens-conv3-2",
                "sens-conv4-2", "sens-conv5-2", "sens-conv6-2", "sens-conv7-2"), outlined);
        assertTrue(!robot.lookup("#quantizeChosen").queryAs(Button.class).isDisabled());

        // another budget: the plan chosen under the old one is gone until widths are chosen again
        robot.interact(() -> vm.budgetMib().set(3.0));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(vm.plan().get());
        assertEquals(SensitivityViewModel.Choice.NOT_CHOSEN, vm.choice().get());
        assertTrue(robot.lookup(".chosen-width").queryAll().isEmpty());
        assertTrue(robot.lookup("#quantizeChosen").queryAs(Button.class).isDisabled());
    }

    @Test
    void withoutACellForEveryLayerNothingIsChosen(FxRobot robot) throws Exception {
        cacheCells("backbone.conv7.weight"); // every layer but conv7 has its cells
        robot.interact(() -> app = new KMeansWindow(stage, home, home.resolve("no-data"), Locale.forLanguageTag("zh-TW"),
                1280, 720));
        SensitivityViewModel vm = app.vm().sensitivity();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.grid().get().missing() == 9 * 4 + 4);
        click(robot, "#chooseWidths");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(SensitivityViewModel.Choice.CELLS_MISSING, vm.choice().get());
        assertNull(vm.plan().get());
        assertEquals(Texts.of(Locale.forLanguageTag("zh-TW")).t("kmeans.budget.missing"),
                robot.lookup("#budgetChoice").queryAs(Label.class).getText());
    }

    @Tag(Cifar10.TAG)
    @Test
    void theChosenWidthsAreQuantizedIntoARowOfTheResultsAndARecordMarkedMixed(FxRobot robot) throws Exception {
        cacheCells();
        robot.interact(() -> app = new KMeansWindow(stage, home, Cifar10.root(), Locale.ENGLISH, 1280, 720));
        SensitivityViewModel vm = app.vm().sensitivity();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.grid().get().missing() == 9 * 4);
        SizeReport size = expectedSize(ModelFiles.load(KMeansWindow.model()));
        robot.interact(() -> {
            vm.budgetMib().set(size.honestMib() + 1e-7);
            vm.choose();
            app.vm().runs().subset().set(new TestSubset(20));
        });
        click(robot, "#quantizeChosen");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> app.vm().runs().results().size() == 2
                && !app.vm().runs().job().isRunning());
        assertTrue(app.errors.isEmpty(), app.errors.toString());
        RunResult mixed = app.vm().runs().results().stream().filter(RunResult::isMixed).findFirst().orElseThrow();
        assertEquals("4 2 2 2 2 2 2 2 2", mixed.widths());
        assertEquals(4, mixed.bits(), "the largest width");
        assertEquals(size.honestMib(), mixed.honestMib(), 1e-9);
        assertEquals(size.lessonMib(), mixed.lessonMib(), 1e-9);
        assertTrue(mixed.honestMib() <= vm.budgetMib().get());
        RunRecord record = mixed.toRecord(null, null);
        assertTrue(record.isMixed());
        assertEquals("mixed", record.bitsLabel());
        assertTrue(record.note().startsWith("mixed precision: conv0=4 conv1=2 "), record.note());
        assertTrue(app.services().results().runs().stream().anyMatch(RunRecord::isMixed), "shown in Compare too");
    }
}
