package dev.quantlab.app.baseline;

import dev.quantlab.app.export.DataTable;
import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.jobs.Job;
import dev.quantlab.app.jobs.JobProgress;
import dev.quantlab.app.jobs.JobStart;
import dev.quantlab.app.services.ModelService;
import dev.quantlab.app.services.PackedModelTexts;
import dev.quantlab.app.services.TestSubset;
import dev.quantlab.eval.EvalResult;
import dev.quantlab.kmeans.PackedModelInfo;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggArchitecture;
import dev.quantlab.results.RunRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * State and commands of the Baseline tab: the model summary, and evaluating the fp32 model on a subset. A finished
 * evaluation is recorded (the Compare tab lists it) once per model file and subset: the fp32 evaluation is
 * deterministic, so evaluating the same model on the same subset again gives an equal record, which is not added
 * twice (across restarts too); another model, or another subset, is a new record.
 */
public final class BaselineViewModel {
    private final BaselineServices services;
    private final Language language;
    private final VggArchitecture arch = VggArchitecture.cifarVgg();
    private final ObjectProperty<TestSubset> subset = new SimpleObjectProperty<>(new TestSubset(1000));
    private final ReadOnlyObjectWrapper<EvalResult> result = new ReadOnlyObjectWrapper<>();
    private final JobProgress job;
    private final ReadOnlyStringWrapper packedNotice = new ReadOnlyStringWrapper("");

    public BaselineViewModel(BaselineServices services) {
        this.services = services;
        this.language = services.language();
        this.job = new JobProgress(language, () -> language.t("baseline.status.idle"));
        services.model().weights().addListener((o, a, w) -> {
            result.set(null);
            job.setMessage(w == null ? () -> language.t("baseline.status.idle")
                    : () -> language.t("baseline.status.loaded"));
            packedNotice.set(packedNoticeText());
        });
        packedNotice.set(packedNoticeText());
    }

    /** Starts evaluating the fp32 model on the chosen subset, unless something is missing. */
    public JobStart evaluate() {
        ModelService model = services.model();
        JobStart ready = JobStart.check(model.isLoaded(), services.data()::isAvailable, job);
        if (ready != JobStart.STARTED) {
            return ready;
        }
        StateDict weights = model.weights().get();
        String file = model.fileName();
        PackedModelInfo packed = model.packed().get();
        TestSubset sub = subset.get();
        Job<EvalResult> j = services.jobs().submit(packed == null ? language.t("baseline.job.evaluate", sub)
                        : language.t("baseline.job.evaluatePacked", PackedModelTexts.kind(language, packed), sub),
                (p, c) -> services.evaluation().evaluateFp32(weights, sub, EvaluationSteps.of(p, language), c), r -> {
                    if (weights == model.weights().get()) {
                        result.set(r);
                        job.setMessage(() -> resultText(r));
                    }
                    services.results().addUnlessPresent(RunRecords.evaluation(file, packed, r.accuracyPercent(),
                            r.images()));
                });
        job.track(j);
        return JobStart.STARTED;
    }

    /** After a language switch: the status line in the new language. */
    public void relocalize() {
        job.relocalize();
        packedNotice.set(packedNoticeText());
    }

    /**
     * What the loaded model is when it came from a packed k-means file (its weights are that k-means model, and its
     * evaluation is recorded as such), or "" for an fp32 model.
     */
    public ReadOnlyStringProperty packedNotice() {
        return packedNotice.getReadOnlyProperty();
    }

    private String packedNoticeText() {
        PackedModelInfo packed = services.model().weights().get() == null ? null : services.model().packed().get();
        return packed == null ? "" : language.t("baseline.packed.notice", PackedModelTexts.kind(language, packed),
                PackedModelTexts.diskMib(packed));
    }

    /** Stops the running evaluation; the previous result stays. */
    public void cancel() {
        job.cancel();
    }

    String resultText(EvalResult r) {
        return language.t("baseline.status.result", String.format(Locale.ROOT, "%,d", r.images()),
                String.format(Locale.ROOT, "%.1f", r.seconds()),
                String.format(Locale.ROOT, "%.0f", r.imagesPerSecond()));
    }

    /** "92.95 %", or a dash before the first evaluation. */
    static String accuracyText(EvalResult r) {
        return r == null ? "—" : String.format(Locale.ROOT, "%.2f %%", r.accuracyPercent());
    }

    List<ModelSummary.Row> summaryRows() {
        return ModelSummary.rows(arch);
    }

    VggArchitecture architecture() {
        return arch;
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
