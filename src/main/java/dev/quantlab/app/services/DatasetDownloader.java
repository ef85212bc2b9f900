package dev.quantlab.app.services;

import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.data.CifarDownloader;
import java.nio.file.Path;

/** Fetches CIFAR-10 into a data root; returns the dataset folder. Runs on a worker thread. */
@FunctionalInterface
public interface DatasetDownloader {
    Path download(Path root, ProgressListener progress, CancellationToken cancel);

    /** The official CIFAR-10 binary release through {@link CifarDownloader}. */
    static DatasetDownloader official() {
        return (root, progress, cancel) -> new CifarDownloader().download(root, progress, cancel).folder();
    }
}
