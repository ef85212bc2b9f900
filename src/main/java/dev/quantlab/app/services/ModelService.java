package dev.quantlab.app.services;

import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.jobs.Job;
import dev.quantlab.app.jobs.JobRunner;
import dev.quantlab.app.jobs.Messages;
import dev.quantlab.kmeans.PackedModelInfo;
import dev.quantlab.model.ModelFiles;
import dev.quantlab.model.StateDict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.WorkerStateEvent;

/**
 * The fp32 weights the app works with. Loads them off the FX thread; when no file is there, says how to get
 * one. Experiments must quantize a copy ({@link StateDict#copy()}), never these weights. Use on the FX thread.
 */
public final class ModelService {
    /** Where the weights stand. */
    public enum Status { LOADING, LOADED, MISSING, FAILED }

    private final JobRunner jobs;
    private final Language language;
    private final ObjectProperty<Path> path = new SimpleObjectProperty<>();
    private final ObjectProperty<Status> status = new SimpleObjectProperty<>(Status.MISSING);
    private final ObjectProperty<StateDict> weights = new SimpleObjectProperty<>();
    private final ObjectProperty<PackedModelInfo> packed = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private Supplier<String> text = () -> "";
    private int generation;

    public ModelService(JobRunner jobs, Language language) {
        this.jobs = jobs;
        this.language = language;
    }

    /**
     * Loads {@code file} (safetensors or PyTorch checkpoint) in the background. Weights already loaded stay in use
     * until the new ones are there: if {@code file} is missing, unreadable or of another model, or its loading is
     * cancelled, the app keeps working with the model it had and says so.
     */
    public void load(Path file) {
        int gen = ++generation;
        Path previousPath = path.get();
        StateDict previous = weights.get();
        if (!Files.isRegularFile(file)) {
            if (previous != null) {
                keep(previous, previousPath, () -> language.t("app.model.keptMissing", file.toString(),
                        previousPath.getFileName().toString()));
                return;
            }
            path.set(file);
            status.set(Status.MISSING);
            say(() -> language.t("app.model.missing", file.toAbsolutePath().toString()));
            return;
        }
        path.set(file);
        status.set(Status.LOADING);
        say(() -> language.t("app.model.loading", file.toString()));
        Job<Loaded> job = jobs.submit(language.t("app.model.loadJob", file.getFileName().toString()),
                (p, c) -> new Loaded(ModelFiles.load(file), PackedModelInfo.read(file).orElse(null)), loaded -> {
                    if (gen == generation) {
                        packed.set(loaded.packed());
                        weights.set(loaded.weights());
                        status.set(Status.LOADED);
                        say(loaded.packed() == null
                                ? () -> language.t("app.model.loaded", file.getFileName().toString())
                                : () -> language.t("app.model.loadedPacked", file.getFileName().toString(),
                                        PackedModelTexts.kind(language, loaded.packed()),
                                        PackedModelTexts.diskMib(loaded.packed())));
                    }
                }, e -> {
                    if (gen != generation) {
                        return;
                    }
                    if (previous != null) {
                        keep(previous, previousPath, () -> language.t("app.model.keptFailed", file.getFileName().toString(),
                                Messages.describe(language.texts(), e), previousPath.getFileName().toString()));
                    } else {
                        status.set(Status.FAILED);
                        say(() -> language.t("app.model.failed", file.getFileName().toString(), Messages.describe(language.texts(), e)));
                    }
                });
        job.addEventHandler(WorkerStateEvent.WORKER_STATE_CANCELLED, e -> {
            if (gen != generation) {
                return;
            }
            if (previous != null) {
                keep(previous, previousPath, () -> language.t("app.model.keptCancelled", file.getFileName().toString(),
                        previousPath.getFileName().toString()));
            } else {
                status.set(Status.FAILED);
                say(() -> language.t("app.model.cancelled", file.getFileName().toString()));
            }
        });
    }

    /** Weights as loaded, and what the file is when it is a packed k-means file (else null). */
    private record Loaded(StateDict weights, PackedModelInfo packed) { }

    /** Goes on with the weights that were loaded before a replacement could not be. */
    private void keep(StateDict previous, Path previousPath, Supplier<String> why) {
        path.set(previousPath);
        weights.set(previous);
        status.set(Status.LOADED);
        say(why);
    }

    private void say(Supplier<String> t) {
        text = t;
        message.set(t.get());
    }

    /** Looks the message up again in the current language (after a language switch). */
    public void relocalize() {
        message.set(text.get());
    }

    public ReadOnlyObjectProperty<Path> path() {
        return path;
    }

    public ReadOnlyObjectProperty<Status> status() {
        return status;
    }

    /** The loaded weights, or null while none are loaded. */
    public ReadOnlyObjectProperty<StateDict> weights() {
        return weights;
    }

    /** The loaded file's name ("vgg-cifar10.safetensors"), or null while there is none. */
    public String fileName() {
        Path p = path.get();
        return p == null || p.getFileName() == null ? null : p.getFileName().toString();
    }

    /**
     * What the loaded file is when it is a packed k-means file (its weights are then the decoded k-means model, not
     * an fp32 one), or null; set before {@link #weights()} changes.
     */
    public ReadOnlyObjectProperty<PackedModelInfo> packed() {
        return packed;
    }

    /** One sentence about the model for the status bar and the banners. */
    public ReadOnlyStringProperty message() {
        return message;
    }

    /** True while no weights can be loaded (no file, or an unreadable one): the banners show then. */
    public BooleanBinding unavailable() {
        return status.isEqualTo(Status.MISSING).or(status.isEqualTo(Status.FAILED));
    }

    public boolean isLoaded() {
        return status.get() == Status.LOADED;
    }
}
