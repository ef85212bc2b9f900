package dev.quantlab.app.services;

import dev.quantlab.app.jobs.Job;
import dev.quantlab.app.jobs.JobRunner;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.data.CifarDataset;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.data.DataLocator;
import java.nio.file.Path;
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
    private final DatasetDownloader downloader;
    private final ObjectProperty<Path> root = new SimpleObjectProperty<>();
    private final ObjectProperty<Status> status = new SimpleObjectProperty<>(Status.MISSING);
    private final StringProperty message = new SimpleStringProperty("");
    private volatile Path currentRoot;
    private Path cachedRoot;
    private CifarSplit cachedTest;

    public DatasetService(JobRunner jobs, Path root, DatasetDownloader downloader) {
        this.jobs = jobs;
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
            message.set("No CIFAR-10 in " + folder + ": choose the folder holding cifar-10-batches-bin/ or"
                    + " cifar-10-batches-py/, or one of those folders.");
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
            message.set("No CIFAR-10 in " + currentRoot.toAbsolutePath() + " (needed to evaluate).");
        } else {
            status.set(Status.AVAILABLE);
            message.set("CIFAR-10 (" + loc.format().name().toLowerCase(java.util.Locale.ROOT) + ") in "
                    + loc.folder().toAbsolutePath());
        }
    }

    /** Downloads CIFAR-10 into the data root in the background (resumable; checked against its MD5s). */
    public Job<Path> download() {
        Path target = currentRoot;
        status.set(Status.DOWNLOADING);
        message.set("Downloading CIFAR-10 into " + target.toAbsolutePath() + "…");
        Job<Path> job = jobs.submit("Downloading CIFAR-10", (p, c) -> downloader.download(target, p, c),
                folder -> refresh(), e -> refresh());
        job.setOnCancelled(e -> refresh());
        return job;
    }

    /** The test split of the current root, read on first use; call from a worker thread. */
    public synchronized CifarSplit testSplit(ProgressListener progress, CancellationToken cancel) {
        Path r = currentRoot;
        if (cachedTest == null || !r.equals(cachedRoot)) {
            progress.onProgress(0, 1, "reading the CIFAR-10 test set");
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

    public boolean isAvailable() {
        return status.get() == Status.AVAILABLE;
    }
}
