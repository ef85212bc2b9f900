package dev.quantlab.app.kmeans;

import dev.quantlab.app.jobs.JobStart;
import dev.quantlab.app.services.KMeansSettings;

/**
 * The k-means tab's state, in three parts: one layer at one bit-width (the slider), the whole-model runs, and the
 * per-layer sensitivity. All three cluster with the same settings.
 */
public final class KMeansViewModel {
    private final KMeansSettings settings = KMeansSettings.DEFAULT;
    private final LayerViewModel layer;
    private final RunsViewModel runs;
    private final SensitivityViewModel sensitivity;

    public KMeansViewModel(KMeansServices services) {
        this.layer = new LayerViewModel(services.model().weights(), services.language(), services.previews(),
                services.fxThread(), settings);
        this.runs = new RunsViewModel(services, layer.bits(), settings);
        this.sensitivity = new SensitivityViewModel(services, settings.seed());
    }

    public LayerViewModel layer() {
        return layer;
    }

    public RunsViewModel runs() {
        return runs;
    }

    public SensitivityViewModel sensitivity() {
        return sensitivity;
    }

    /** Quantizes the whole model with the widths chosen under the size budget: a row in the results table. */
    public JobStart quantizeChosenPlan() {
        return runs.quantizeMixed(sensitivity.plan().get());
    }

    /** After a language switch: the messages the view models keep, in the new language. */
    public void relocalize() {
        layer.relocalize();
        runs.relocalize();
        sensitivity.relocalize();
    }
}
