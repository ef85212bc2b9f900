package dev.quantlab.app.kmeans;

import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.jobs.JobRunner;
import dev.quantlab.app.results.ObservableResults;
import dev.quantlab.app.services.DatasetService;
import dev.quantlab.app.services.EvaluationService;
import dev.quantlab.app.services.ModelService;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What the k-means tab works with.
 *
 * @param model            the fp32 weights (never modified: runs quantize a copy)
 * @param data             CIFAR-10 for evaluations
 * @param evaluation       accuracy of a set of weights
 * @param jobs             background jobs shown in the status bar
 * @param results          every finished run (Compare tab)
 * @param language         the window's language, for the texts the view models produce
 * @param previews         the single worker for interactive previews (the slider)
 * @param fxThread         where results are handed back ({@code Platform::runLater})
 * @param sensitivityCache the file of measured sensitivity cells, shared with the CLI's {@code sensitivity}
 */
public record KMeansServices(ModelService model, DatasetService data, EvaluationService evaluation, JobRunner jobs,
                             ObservableResults results, Language language, Executor previews, Executor fxThread,
                             Path sensitivityCache) {
    public KMeansServices {
        Objects.requireNonNull(model);
        Objects.requireNonNull(language);
        Objects.requireNonNull(previews);
        Objects.requireNonNull(fxThread);
    }
}
