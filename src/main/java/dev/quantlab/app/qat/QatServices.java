package dev.quantlab.app.qat;

import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.jobs.JobRunner;
import dev.quantlab.app.jobs.TrainingThread;
import dev.quantlab.app.results.ObservableResults;
import dev.quantlab.app.services.AppServices;
import dev.quantlab.app.services.DatasetService;
import dev.quantlab.app.services.EvaluationService;
import dev.quantlab.app.services.ModelService;

/**
 * What the QAT tab works with.
 *
 * @param model      the loaded fp32 model (never modified: QAT trains a copy)
 * @param data       CIFAR-10 on disk
 * @param evaluation the fp32 accuracy, remembered per model and test images
 * @param jobs       background jobs shown in the status bar
 * @param training   the one thread training runs on
 * @param results    where finished (and stopped) runs are recorded
 * @param language   the window's language, for the texts the view model makes
 */
record QatServices(ModelService model, DatasetService data, EvaluationService evaluation, JobRunner jobs,
                   TrainingThread training, ObservableResults results, Language language) {

    static QatServices of(AppServices s) {
        return new QatServices(s.model(), s.data(), s.evaluation(), s.jobs(), s.training(), s.results(),
                s.language());
    }
}
