package dev.quantlab.app.services;

import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.jobs.Job;
import dev.quantlab.app.jobs.JobRunner;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.data.CifarDataset;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.data.DataLocator;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Where CIFAR-10 is, whether it is there, and the test split (read once, on a worker thread).
 * Properties change on the FX thread; {@link #testSplit} is for workers.
 */
public final class DatasetService {
    /** Whether images are available. */
    public enum Status { MISSING, AVAILABLE, DOWNLOADING }

    private final JobRunner jobs;
    private final Language language;
    private final DatasetDownloader downloader;
    private final ObjectProperty<Path> root = new SimpleObjectProperty<>();
    private final ObjectProperty<Status> status = new SimpleObjectProperty<>(Status.MISSING);
    private final StringProperty message = new SimpleStringProperty("");
    private Supplier<String> text = () -> "";
    private volatile Path currentRoot;
    private Path cachedRoot;
    private CifarSplit cachedTest;

    public DatasetService(JobRunner jobs, Language language, Path root, DatasetDownloader downloader) {
        this.jobs = jobs;
        this.language = language;
        this.downloader = downloader;
        useRoot(root);
    }

    /**
     * Looks for CIFAR-10 under {@code folder} (the data root, or the dataset folder itself).
     *
     * @return whether a dataset was found there; if not, the current root is kept and the message says why
     */
    public boolean chooseFolder(Path folder) {
        if (DataLocator.find(folder) == null) {
            say(() -> language.t("app.data.notInFolder", folder.toString()));
            return false;
        }
        useRoot(folder);
        return true;
    }

    /** Uses {@code folder} as the data root and checks what is there. */
    public void useRoot(Path folder) {
        root.set(folder);
        currentRoot = folder;
        refresh();
    }

    /** Re-checks the data root (after a download or a change on disk). */
    public void refresh() {
        DataLocator.Location loc = DataLocator.find(currentRoot);
        if (loc == null) {
            status.set(Status.MISSING);
            Path r = currentRoot.toAbsolutePath();
            say(() -> language.t("app.data.missing", r.toString()));
        } else {
            status.set(Status.AVAILABLE);
            String format = loc.format().name().toLowerCase(java.util.Locale.ROOT);
            Path folder = loc.folder().toAbsolutePath();
            say(() -> language.t("app.data.found", format, folder.toString()));
        }
    }

    /** Downloads CIFAR-10 into the data root in the background (resumable; checked against its MD5s). */
    public Job<Path> download() {
        Path target = currentRoot;
        status.set(Status.DOWNLOADING);
        say(() -> language.t("app.data.downloading", target.toAbsolutePath().toString()));
        Job<Path> job = jobs.submit(language.t("app.data.downloadJob"), (p, c) -> downloader.download(target, p, c),
                folder -> refresh(), e -> refresh());
        job.setOnCancelled(e -> refresh());
        return job;
    }

    /** The test split of the current root, read on first use; call from a worker thread. */
    public synchronized CifarSplit testSplit(ProgressListener progress, CancellationToken cancel) {
        Path r = currentRoot;
        if (cachedTest == null || !r.equals(cachedRoot)) {
            progress.onProgress(0, 1, language.t("app.data.reading"));
            cachedTest = CifarDataset.test(r);
            cachedRoot = r;
            cancel.throwIfCancelled();
        }
        return cachedTest;
    }

    /** The data root, readable from any thread. */
    public Path currentRoot() {
        return currentRoot;
    }

    public ReadOnlyObjectProperty<Path> root() {
        return root;
    }

    public ReadOnlyObjectProperty<Status> status() {
        return status;
    }

    public ReadOnlyStringProperty message() {
        return message;
    }

    private void say(Supplier<String> t) {
        text = t;
        message.set(t.get());
    }

    /** Looks the message up again in the current language (after a language switch). */
    public void relocalize() {
        message.set(text.get());
    }

    public boolean isAvailable() {
        return status.get() == Status.AVAILABLE;
    }
}
