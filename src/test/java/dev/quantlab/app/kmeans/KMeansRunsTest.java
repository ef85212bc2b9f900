package dev.quantlab.app.kmeans;

import dev.quantlab.app.TestWindow;
import dev.quantlab.app.i18n.Language;
import java.util.Locale;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.quantlab.app.jobs.JobRunner;
import dev.quantlab.app.services.DatasetService;
import dev.quantlab.app.services.EvaluationService;
import dev.quantlab.app.services.KMeansSettings;
import dev.quantlab.app.services.TestSubset;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggNet;
import dev.quantlab.testing.Cifar10;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The k-means run behind "Quantize model": sizes by both rules, accuracy, and the baseline left untouched. */
class KMeansRunsTest {
    private static final Language ENGLISH = new Language(Locale.ENGLISH);

    @Tag(Cifar10.TAG)
    @Test
    void quantizesACopyAndReportsSizesAndAccuracy() throws Exception {
        DatasetService data = new DatasetService(new JobRunner(Runnable::run, (w, e) -> { }, n -> { }, ENGLISH), ENGLISH,
                Cifar10.root(),
                TestWindow.noDownloads());
        EvaluationService eval = new EvaluationService(data, ENGLISH);
        StateDict fp32 = VggNet.initialWeights(5);
        float[] before = fp32.get("backbone.conv7.weight").values().clone();
        List<RunResult> rows = new CopyOnWriteArrayList<>();
        List<Long> progress = new CopyOnWriteArrayList<>();
        ProgressListener p = (done, total, message) -> progress.add(done * 1000 / total);

        KMeansRuns.work(eval, dev.quantlab.app.i18n.Texts.of(java.util.Locale.ENGLISH), fp32, List.of(2), new TestSubset(20), KMeansSettings.DEFAULT, rows::add)
                .run(p, CancellationToken.none());

        assertEquals(2, rows.size());
        RunResult ref = rows.get(0);
        RunResult two = rows.get(1);
        assertEquals(32, ref.bits());
        assertEquals("35.20", String.format(java.util.Locale.ROOT, "%.2f", ref.lessonMib()));
        assertEquals(2, two.bits());
        assertEquals("2.20", String.format(java.util.Locale.ROOT, "%.2f", two.lessonMib()));
        assertTrue(two.honestMib() > two.lessonMib(), "honest size counts codebooks and fp32 BN/bias");
        assertEquals(ref.accuracy() - two.accuracy(), two.drop(), 1e-9);
        assertEquals(new TestSubset(20), two.subset());
        assertArrayEquals(before, fp32.get("backbone.conv7.weight").values(), "the baseline must stay fp32");
        assertEquals(1000L, progress.get(progress.size() - 1));
    }
}
