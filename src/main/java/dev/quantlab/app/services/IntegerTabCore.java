package dev.quantlab.app.services;

import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.jobs.JobProgress;
import dev.quantlab.app.jobs.LatestRequestLoader;
import dev.quantlab.app.jobs.Messages;
import dev.quantlab.model.StateDict;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the view models of the Linear and the Integer tab share (no JavaFX scene graph): the tab's job progress,
 * its {@link CalibratedWeights}, the test subset of its runs, the recorder of those runs, a status line that is
 * looked up again after a language switch, and background loaders of previews that deliver on the FX thread.
 */
public final class IntegerTabCore {
    private final IntegerServices services;
    private final Language language;
    private final Executor fxThread;
    private final JobProgress job;
    private final CalibratedWeights calibrated;
    private final RunRecorder recorder;
    private final ObjectProperty<TestSubset> subset = new SimpleObjectProperty<>(new TestSubset(100));
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private Supplier<String> statusText = () -> "";

    /** {@code idleKey}: the text key of the job line while no job has run. */
    public IntegerTabCore(IntegerServices services, Executor fxThread, String idleKey) {
        this.services = services;
        this.language = services.language();
        this.fxThread = fxThread;
        this.job = new JobProgress(language, () -> language.t(idleKey));
        this.recorder = new RunRecorder(services.results());
        this.calibrated = new CalibratedWeights(services, fxThread, job);
    }

    /** Calls {@code use} with the current weights now and with the new ones whenever a model is loaded. */
    public void followWeights(Consumer<StateDict> use) {
        services.model().weights().addListener((o, a, w) -> use.accept(w));
        use.accept(services.model().weights().get());
    }

    /**
     * A loader computing on the preview executor and delivering on the FX thread; a failure shows
     * {@code failedKey} (with the error described) as the status line.
     */
    public <K, V> LatestRequestLoader<K, V> loader(Function<K, V> compute, BiConsumer<K, V> loaded,
            Runnable beforeFailure, String failedKey) {
        return new LatestRequestLoader<>(compute, services.previews(), fxThread, new LatestRequestLoader.Listener<>() {
            @Override
            public void loaded(K key, V value) {
                loaded.accept(key, value);
            }

            @Override
            public void failed(K key, Throwable error) {
                beforeFailure.run();
                showStatus(() -> language.t(failedKey, Messages.describe(language.texts(), error)));
            }
        });
    }

    /** Sets the status line from {@code text}, looked up again by {@link #relocalize()}. */
    public void showStatus(Supplier<String> text) {
        statusText = text;
        status.set(text.get());
    }

    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    /** After a language switch: the job line and the status line again in the new language. */
    public void relocalize() {
        job.relocalize();
        status.set(statusText.get());
    }

    public IntegerServices services() {
        return services;
    }

    public Language language() {
        return language;
    }

    public IntegerModels models() {
        return services.integerModels();
    }

    public JobProgress job() {
        return job;
    }

    public CalibratedWeights calibrated() {
        return calibrated;
    }

    public RunRecorder recorder() {
        return recorder;
    }

    public IntegerProperty calibrationImages() {
        return calibrated.calibrationImages();
    }

    public ReadOnlyObjectProperty<Calibration> calibration() {
        return calibrated.calibration();
    }

    public ObjectProperty<TestSubset> subset() {
        return subset;
    }
}
