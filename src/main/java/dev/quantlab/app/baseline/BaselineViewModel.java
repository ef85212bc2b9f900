package dev.quantlab.app.baseline;

import dev.quantlab.app.export.DataTable;
import dev.quantlab.app.i18n.I18n;
import dev.quantlab.app.jobs.Job;
import dev.quantlab.app.jobs.JobProgress;
import dev.quantlab.app.jobs.JobStart;
import dev.quantlab.app.services.AppServices;
import dev.quantlab.app.services.ModelService;
import dev.quantlab.app.services.TestSubset;
import dev.quantlab.eval.EvalResult;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggArchitecture;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/** State and commands of the Baseline tab: the model summary, and evaluating the fp32 model on a subset. */
public final class BaselineViewModel {

    private final AppServices services;
    private final VggArchitecture arch = VggArchitecture.cifarVgg();
    private final ObjectProperty<TestSubset> subset = new SimpleObjectProperty<>(new TestSubset(1000));
    private final ReadOnlyObjectWrapper<EvalResult> result = new ReadOnlyObjectWrapper<>();
    private final JobProgress job = new JobProgress(() -> I18n.t("baseline.status.idle"));

    public BaselineViewModel(AppServices services) {
        this.services = services;
        services.model().weights().addListener((o, a, w) -> {
            result.set(null);
            job.setMessage(w == null ? () -> I18n.t("baseline.status.idle") : () -> I18n.t("baseline.status.loaded"));
        });
    }

    /** Starts evaluating the fp32 model on the chosen subset, unless something is missing. */
    public JobStart evaluate() {
        ModelService model = services.model();
        JobStart ready = JobStart.check(model.isLoaded(), services.data()::isAvailable, job);
        if (ready != JobStart.STARTED) {
            return ready;
        }
        StateDict weights = model.weights().get();
        TestSubset sub = subset.get();
        Job<EvalResult> j = services.jobs().submit(I18n.t("baseline.job.evaluate", sub.toString()),
                (p, c) -> services.evaluation().evaluateFp32(weights, sub, p, c), r -> {
                    if (weights == model.weights().get()) {
                        result.set(r);
                        job.setMessage(() -> resultText(r));
                    }
                });
        job.track(j);
        return JobStart.STARTED;
    }

    /** After a language switch: the status line in the new language. */
    public void relocalize() {
        job.relocalize();
    }

    /** Stops the running evaluation; the previous result stays. */
    public void cancel() {
        job.cancel();
    }

    static String resultText(EvalResult r) {
        return I18n.t("baseline.status.result", String.format(Locale.ROOT, "%,d", r.images()),
                String.format(Locale.ROOT, "%.1f", r.seconds()), String.format(Locale.ROOT, "%.0f", r.imagesPerSecond()));
    }

    /** "92.95 %", or a dash before the first evaluation. */
    public static String accuracyText(EvalResult r) {
        return r == null ? "—" : String.format(Locale.ROOT, "%.2f %%", r.accuracyPercent());
    }

    public List<ModelSummary.Row> summaryRows() {
        return ModelSummary.rows(arch);
    }

    public String totalText() {
        return ModelSummary.totalText(arch);
    }

    /** The CSV tables of this tab: the summary, and the last evaluation if any. */
    public List<DataTable> tables() {
        List<DataTable> out = new ArrayList<>();
        out.add(ModelSummary.table(arch));
        EvalResult r = result.get();
        if (r != null) {
            out.add(EvalTables.perClass(r));
            out.add(EvalTables.confusion(r));
        }
        return out;
    }

    public ObjectProperty<TestSubset> subset() {
        return subset;
    }

    public ReadOnlyObjectProperty<EvalResult> result() {
        return result.getReadOnlyProperty();
    }

    public JobProgress job() {
        return job;
    }
}
