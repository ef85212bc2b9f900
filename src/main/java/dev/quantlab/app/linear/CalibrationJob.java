package dev.quantlab.app.linear;

import dev.quantlab.app.AppServices;
import dev.quantlab.app.jobs.Job;
import dev.quantlab.model.StateDict;
import java.nio.file.Path;
import java.util.function.Consumer;

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
}
