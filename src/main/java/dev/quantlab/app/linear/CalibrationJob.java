package dev.quantlab.app.linear;

import dev.quantlab.app.AppServices;
import dev.quantlab.app.jobs.Job;
import dev.quantlab.model.StateDict;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;

/**
 * Calibrating activation ranges as a job, for the Linear and the Integer tab. The calibration is remembered by
 * the app's shared {@link IntegerModels}, so calibrating in one tab makes the other's instant.
 */
public final class CalibrationJob {
    private CalibrationJob() { }

    /**
     * Submits calibrating {@code weights} on {@code images} training images; {@code done} runs on the FX thread
     * unless other weights were loaded meanwhile.
     */
    public static Job<Calibration> submit(AppServices services, StateDict weights, int images, String title,
                                          Consumer<Calibration> done) {
        Path root = services.data().currentRoot();
        IntegerModels models = services.integerModels();
        return services.jobs().submit(title, (p, c) -> models.calibrate(weights, root, images, p, c), c -> {
            if (weights == services.model().weights().get()) {
                done.accept(c);
            }
        });
    }

    /**
     * Lets {@code target} take a calibration that the other tab made, for the same weights, data folder and number
     * of images, while it has none of its own.
     */
    public static void adoptOthers(AppServices services, Executor fxThread, Supplier<StateDict> weights,
                                   IntegerProperty images, ObjectProperty<Calibration> target) {
        services.integerModels().addCalibrationListener((w, root, c) -> fxThread.execute(() -> {
            if (w == weights.get() && root.equals(services.data().currentRoot()) && c.images() == images.get()
                    && target.get() == null) {
                target.set(c);
            }
        }));
    }
}
