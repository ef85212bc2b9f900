package dev.quantlab.app.baseline;

import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.jobs.JobRunner;
import dev.quantlab.app.results.ObservableResults;
import dev.quantlab.app.services.AppServices;
import dev.quantlab.app.services.DatasetService;
import dev.quantlab.app.services.EvaluationService;
import dev.quantlab.app.services.ModelService;

/**
 * What the Baseline tab works with.
 *
 * @param model      the loaded fp32 model
 * @param data       CIFAR-10 (whether it is there)
 * @param evaluation evaluates the model (and remembers its fp32 results for the other tabs)
 * @param jobs       runs the evaluation as a job in the status bar
 * @param results    where a finished evaluation is recorded (the Compare tab shows it)
 * @param language   the window's language
 */
public record BaselineServices(ModelService model, DatasetService data, EvaluationService evaluation, JobRunner jobs,
                               ObservableResults results, Language language) {
    static BaselineServices of(AppServices s) {
        return new BaselineServices(s.model(), s.data(), s.evaluation(), s.jobs(), s.results(), s.language());
    }
}
