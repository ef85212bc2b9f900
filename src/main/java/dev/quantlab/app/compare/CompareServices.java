package dev.quantlab.app.compare;

import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.jobs.JobRunner;
import dev.quantlab.app.results.ObservableResults;
import dev.quantlab.app.services.AppServices;
import dev.quantlab.app.services.ModelService;
import java.util.concurrent.Executor;
import javafx.beans.property.StringProperty;

/**
 * What the Compare tab works with.
 *
 * @param results  every recorded run (shown, cleared, added to from a file)
 * @param model    the loaded model, whose measured results file is drawn beside the runs
 * @param jobs     runs "Add results from a file…" as a job in the status bar
 * @param previews reads the loaded model's results file off the FX thread
 * @param language the window's language
 * @param notice   the status bar's short notice (a damaged measured-results file is said there)
 */
public record CompareServices(ObservableResults results, ModelService model, JobRunner jobs, Executor previews,
                              Language language, StringProperty notice) {
    static CompareServices of(AppServices s) {
        return new CompareServices(s.results(), s.model(), s.jobs(), s.previews(), s.language(), s.notice());
    }
}
