package dev.quantlab.app.services;

import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.jobs.JobRunner;
import dev.quantlab.app.results.ObservableResults;
import java.util.concurrent.ExecutorService;

/**
 * The few services the Linear and the Integer tab use: the loaded model, the data, fp32 evaluations, jobs, the
 * shared integer models, the results store, the window's language and the preview executor.
 */
public record IntegerServices(ModelService model, DatasetService data, EvaluationService evaluation, JobRunner jobs,
                              IntegerModels integerModels, ObservableResults results, Language language,
                              ExecutorService previews) {
    /** Taken from the app's services. */
    public static IntegerServices of(AppServices s) {
        return new IntegerServices(s.model(), s.data(), s.evaluation(), s.jobs(), s.integerModels(), s.results(),
                s.language(), s.previews());
    }
}
