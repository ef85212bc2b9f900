package dev.quantlab.app.baseline;

import dev.quantlab.app.i18n.Language;
import dev.quantlab.core.ProgressListener;

/**
 * Shows an evaluation's progress as two labelled steps, "Step 1 of 2: reading the test set" and "Step 2 of 2:
 * evaluating …", the bar filling once per step: the bar then says the same as the text (200 of 1,000 images
 * evaluated is 20 %, never 60 %). {@code EvaluationService} reports the two steps as equal halves of one range
 * ({@code StagedProgress} with two stages); this maps each half back onto a full bar.
 */
final class EvaluationSteps {
    static final int STEPS = 2;
    /** Resolution of the bar handed on. */
    static final long SCALE = 1000;

    private EvaluationSteps() { }

    /** A listener for the evaluation that passes each step's own progress and labelled message to {@code target}. */
    static ProgressListener of(ProgressListener target, Language language) {
        return (done, total, message) -> {
            double overall = total <= 0 ? 0 : Math.max(0, Math.min(1, (double) done / total)) * STEPS;
            // a step's end (done == total) still belongs to it: the next one starts above it
            int step = Math.max(0, Math.min(STEPS - 1, (int) Math.ceil(overall) - 1));
            double within = overall - step;
            target.onProgress(Math.round(within * SCALE), SCALE,
                    language.t("baseline.progress.step", step + 1, STEPS, message == null ? "" : message));
        };
    }
}
