package dev.quantlab.app.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.jobs.StagedProgress;
import dev.quantlab.core.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The Baseline's progress: reading the test set and evaluating are two labelled steps, each filling the bar, fed
 * through the same {@link StagedProgress} (two stages) that {@code EvaluationService} reports with.
 */
class EvaluationStepsTest {
    private record Seen(double fraction, String message) { }

    @Test
    void theBarSaysWhatTheTextSays() {
        List<Seen> seen = new ArrayList<>();
        ProgressListener bar = (done, total, message) -> seen.add(new Seen((double) done / total, message));
        StagedProgress stages = new StagedProgress(EvaluationSteps.of(bar, new Language(Locale.ENGLISH)), 2);
        stages.stage(0, "test set").onProgress(1, 4, "reading data_batch");
        stages.stage(0, "test set").onProgress(4, 4, null);
        stages.stage(1, "evaluating").onProgress(200, 1000, "evaluated 200/1000 images");
        stages.stage(1, "evaluating").onProgress(1000, 1000, "evaluated 1000/1000 images");
        assertEquals(List.of(new Seen(0.25, "Step 1 of 2 · test set: reading data_batch"),
                new Seen(1.0, "Step 1 of 2 · test set"),
                new Seen(0.2, "Step 2 of 2 · evaluating: evaluated 200/1000 images"),
                new Seen(1.0, "Step 2 of 2 · evaluating: evaluated 1000/1000 images")), seen);
    }

    @Test
    void chineseLabelsTheStepsToo() {
        List<String> seen = new ArrayList<>();
        StagedProgress stages = new StagedProgress(EvaluationSteps.of((d, t, m) -> seen.add(m),
                new Language(Locale.TRADITIONAL_CHINESE)), 2);
        stages.stage(1, "評估中").onProgress(3, 10, null);
        assertEquals(List.of("第 2/2 步 · 評估中"), seen);
    }
}
