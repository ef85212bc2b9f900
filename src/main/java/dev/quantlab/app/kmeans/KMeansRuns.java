package dev.quantlab.app.kmeans;

import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.jobs.StagedProgress;
import dev.quantlab.app.jobs.Work;
import dev.quantlab.app.services.EvaluationService;
import dev.quantlab.app.services.KMeansSettings;
import dev.quantlab.app.services.TestSubset;
import dev.quantlab.eval.EvalResult;
import dev.quantlab.kmeans.BitWidthPlan;
import dev.quantlab.kmeans.KMeansQuantizer;
import dev.quantlab.kmeans.QuantizedModel;
import dev.quantlab.kmeans.SizeReport;
import dev.quantlab.model.ModelSize;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggArchitecture;
import dev.quantlab.mixed.MixedPlan;
import java.util.List;
import java.util.stream.Collectors;
import java.util.function.Consumer;

/**
 * The lesson's k-means experiment as background work: measure the fp32 model on the subset (remembered), then
 * for each bit-width quantize a copy of the weights and evaluate it. Each finished run is handed to
 * {@code onResult} at once, so the table fills as runs finish.
 */
public final class KMeansRuns {
    /** The lesson's sweep. */
    public static final List<Integer> LESSON_BITS = List.of(8, 4, 2);

    private KMeansRuns() { }

    /**
     * @param texts    the language of the progress messages
     * @param onResult called on the worker thread after each run (the caller moves it to the FX thread)
     */
    public static Work<Void> work(EvaluationService evaluation, Texts texts, StateDict fp32, List<Integer> bits, TestSubset subset,
                                  KMeansSettings settings, Consumer<RunResult> onResult) {
        List<Plan> plans = bits.stream().map(b -> new Plan(BitWidthPlan.uniform(b),
                texts.t("kmeans.stage.cluster", Integer.toString(b)),
                texts.t("kmeans.stage.evaluate", Integer.toString(b)))).toList();
        return plans(evaluation, texts, fp32, plans, subset, settings, onResult);
    }

    /** The same for one mixed-precision plan (a width per layer, e.g. chosen under a size budget). */
    public static Work<Void> mixed(EvaluationService evaluation, Texts texts, StateDict fp32, MixedPlan mixed,
                                   TestSubset subset, KMeansSettings settings, Consumer<RunResult> onResult) {
        BitWidthPlan plan = mixed.toBitWidthPlan();
        String widths = mixed.bits().values().stream().map(String::valueOf).collect(Collectors.joining(" "));
        Plan p = new Plan(plan, texts.t("kmeans.stage.cluster.mixed", widths),
                texts.t("kmeans.stage.evaluate.mixed", widths));
        return plans(evaluation, texts, fp32, List.of(p), subset, settings, onResult);
    }

    /** A plan to run and its two progress messages. */
    private record Plan(BitWidthPlan plan, String clusterText, String evaluateText) { }

    private static Work<Void> plans(EvaluationService evaluation, Texts texts, StateDict fp32, List<Plan> plans,
                                    TestSubset subset, KMeansSettings settings, Consumer<RunResult> onResult) {
        return (progress, cancel) -> {
            StagedProgress stages = new StagedProgress(progress, 1 + 2 * plans.size());
            EvalResult base = evaluation.evaluateFp32(fp32, subset, stages.stage(0, texts.t("kmeans.stage.reference")), cancel);
            double fp32Mib = ModelSize.mib(VggArchitecture.cifarVgg().parameterCount(), 32);
            onResult.accept(new RunResult(32, fp32Mib, fp32Mib, base.accuracyPercent(), 0, subset, settings));
            for (int i = 0; i < plans.size(); i++) {
                Plan p = plans.get(i);
                QuantizedModel q = new KMeansQuantizer().quantize(fp32, p.plan(), settings.init(), settings.seed(),
                        stages.stage(1 + 2 * i, p.clusterText()), cancel);
                SizeReport size = q.sizeReport();
                EvalResult r = evaluation.evaluate(q.stateDict(), subset, stages.stage(2 + 2 * i,
                        p.evaluateText()), cancel);
                onResult.accept(new RunResult(p.plan().maxBits(VggArchitecture.cifarVgg()), size.lessonMib(),
                        size.honestMib(), r.accuracyPercent(), base.accuracyPercent() - r.accuracyPercent(), subset,
                        settings, p.plan()));
            }
            return null;
        };
    }
}
