package dev.quantlab.app.qat;

import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.services.DatasetService;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.data.CifarDataset;
import dev.quantlab.data.CifarSplit;
import java.nio.file.Path;

/** Where QAT gets its training images; tests inject a tiny split. Called on a worker thread. */
@FunctionalInterface
public interface TrainSplitSource {
    CifarSplit trainSplit(ProgressListener progress, CancellationToken cancel);

    /** The 50,000 training images of the data service's current folder, read once per folder. */
    static TrainSplitSource of(DatasetService data, Language language) {
        return new TrainSplitSource() {
            private Path cachedRoot;
            private CifarSplit cached;

            @Override
            public synchronized CifarSplit trainSplit(ProgressListener progress, CancellationToken cancel) {
                Path root = data.currentRoot();
                if (cached == null || !root.equals(cachedRoot)) {
                    progress.onProgress(0, 1, language.t("qat.progress.readingTrain"));
                    cached = CifarDataset.train(root);
                    cachedRoot = root;
                    cancel.throwIfCancelled();
                }
                return cached;
            }
        };
    }
}
