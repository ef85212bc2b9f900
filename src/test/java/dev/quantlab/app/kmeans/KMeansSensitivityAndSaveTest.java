package dev.quantlab.app.kmeans;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.jobs.JobStart;
import dev.quantlab.app.services.KMeansSettings;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.kmeans.BitWidthPlan;
import dev.quantlab.kmeans.KMeansQuantizer;
import dev.quantlab.mixed.ModelHash;
import dev.quantlab.mixed.SensitivityCache;
import dev.quantlab.model.ModelFiles;
import dev.quantlab.model.PackedModelFile;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggArchitecture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The sensitivity heat map shows the CLI's cached cells without measuring; the app saves a packed model. */
@ExtendWith(ApplicationExtension.class)
class KMeansSensitivityAndSaveTest {
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
    void cachedCellsAreShownWithoutMeasuringAndTheDropsEqualTheCache(FxRobot robot) throws Exception {
        // cells as 'quantlab sensitivity --seed 42' keys them (model file hash, method and seed, layer, bits, images)
        Path cacheFile = home.resolve(KMeansTab.SENSITIVITY_CACHE);
        String hash = ModelHash.of(KMeansWindow.model());
        SensitivityCache cache = SensitivityCache.open(cacheFile);
        cache.put(SensitivityCache.key(hash, "fp32", "fp32", 32, 1000), 91.5);
        cache.put(SensitivityCache.key(hash, "kmeans:seed42", "backbone.conv0.weight", 2, 1000), 80.25);
        cache.put(SensitivityCache.key(hash, "kmeans:seed42", "classifier.weight", 1, 1000), 91.0);
        cache.put(SensitivityCache.key(hash, "kmeans:seed7", "backbone.conv1.weight", 3, 1000), 10.0); // other seed
        cache.put(SensitivityCache.key(hash, "kmeans:seed42", "backbone.conv2.weight", 3, 500), 10.0); // other images
        byte[] before = Files.readAllBytes(cacheFile);

        robot.interact(() -> app = new KMeansWindow(stage, home, home.resolve("no-data"), Locale.ENGLISH, 1280, 720));
        SensitivityViewModel vm = app.vm().sensitivity();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !Double.isNaN(vm.grid().get().fp32()));
        WaitForAsyncUtils.waitForFxEvents();
        SensitivityGrid g = vm.grid().get();
        assertEquals(91.5 - 80.25, g.drop("backbone.conv0.weight", 2), 1e-12);
        assertEquals(0.5, g.drop("classifier.weight", 1), 1e-12);
        assertTrue(Double.isNaN(g.drop("backbone.conv1.weight", 3)), "another seed's cell is not this tab's");
        assertTrue(Double.isNaN(g.drop("backbone.conv2.weight", 3)), "nor one on other images");
        assertEquals(9 * 8 - 2, g.missing());
        assertEquals("11.3", robot.lookup("#sens-conv0-2").queryAs(Label.class).getText());
        assertEquals("0.5", robot.lookup("#sens-classifier-1").queryAs(Label.class).getText());
        assertEquals("–", robot.lookup("#sens-conv1-3").queryAs(Label.class).getText());
        // nothing was measured: no job ran (CIFAR-10 is not even there) and the cache file is untouched
        assertTrue(app.services().jobs().running().isEmpty());
        assertArrayEquals(before, Files.readAllBytes(cacheFile));
        JobStart[] start = new JobStart[1];
        robot.interact(() -> start[0] = vm.measureMissing());
        assertEquals(JobStart.NEED_DATA, start[0], "measuring the rest needs the test set");
    }

    @Test
    void theSavedPackedModelLoadsBackBitIdenticalThroughTheModelService(FxRobot robot) throws Exception {
        robot.interact(() -> app = new KMeansWindow(stage, home, home.resolve("no-data"), Locale.ENGLISH, 1280, 720));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.services().model().isLoaded());
        StateDict fp32 = app.services().model().weights().get();
        Path file = home.resolve("kmeans-3bit.safetensors");
        JobStart[] start = new JobStart[1];
        robot.interact(() -> {
            app.vm().layer().bits().set(3);
            start[0] = app.vm().runs().savePacked(file);
        });
        assertEquals(JobStart.STARTED, start[0]);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !app.vm().runs().job().isRunning());
        assertTrue(PackedModelFile.isPacked(file), "a packed file, not a float one");
        assertTrue(app.errors.isEmpty(), app.errors.toString());

        // the reference: the same k-means, computed here on its own
        StateDict expected = new KMeansQuantizer().quantize(fp32, BitWidthPlan.uniform(3), KMeansSettings.DEFAULT.init(),
                KMeansSettings.DEFAULT.seed(), ProgressListener.NONE, CancellationToken.none()).stateDict();
        double honest = new KMeansQuantizer().quantize(fp32, BitWidthPlan.uniform(3), KMeansSettings.DEFAULT.init(),
                KMeansSettings.DEFAULT.seed(), ProgressListener.NONE, CancellationToken.none()).sizeReport().honestMib();
        assertEquals(honest, Files.size(file) / (1024.0 * 1024.0), 0.02 * honest, "on disk: about the honest size");

        robot.interact(() -> app.services().model().load(file)); // what the model chooser and --model do
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.services().model().weights().get() != fp32
                && app.services().model().isLoaded());
        StateDict loaded = app.services().model().weights().get();
        assertNotSame(fp32, loaded);
        assertEquals(file, app.services().model().path().get());
        for (VggArchitecture.TensorSpec spec : VggArchitecture.cifarVgg().tensors()) {
            assertArrayEquals(bits(expected.get(spec.name()).values()), bits(loaded.get(spec.name()).values()),
                    spec.name());
        }
        assertArrayEquals(bits(expected.get("classifier.weight").values()),
                bits(ModelFiles.load(file).get("classifier.weight").values()));
    }

    private static int[] bits(float[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Float.floatToRawIntBits(v[i]);
        }
        return out;
    }
}
