package dev.quantlab.app.services;

import dev.quantlab.app.jobs.StagedProgress;
import dev.quantlab.app.jobs.Work;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.eval.EvalResult;
import dev.quantlab.linear.IntegerVgg;
import dev.quantlab.linear.IntegerVggConfig;
import dev.quantlab.model.ModelSize;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggArchitecture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An integer-model run as background work: optionally measure the fp32 model on the subset (remembered by the
 * evaluation service), calibrate (or reuse the calibration), build the integer model and evaluate it on the same
 * test images.
 */
public final class IntegerRuns {
    /** What a run measured; {@code fp32} is null when it was not asked for. */
    public record Outcome(Calibration calibration, IntegerVgg model, EvalResult integer, EvalResult fp32) { }

    /** What to run. */
    public record Request(StateDict weights, Path dataRoot, IntegerVggConfig config, int calibrationImages,
                          RangeMethod method, int activationBits, TestSubset subset, boolean measureFp32) { }

    private IntegerRuns() { }

    public static Work<Outcome> work(IntegerModels models, DatasetService data, EvaluationService evaluation,
                                     Request r) {
        return (progress, cancel) -> {
            int stages = r.measureFp32() ? 3 : 2;
            StagedProgress staged = new StagedProgress(progress, stages);
            int next = 0;
            EvalResult fp32 = null;
            if (r.measureFp32()) {
                fp32 = evaluation.evaluateFp32(r.weights(), r.subset(), staged.stage(next++, "fp32"), cancel);
            }
            Calibration c = models.calibrate(r.weights(), r.dataRoot(), r.calibrationImages(), r.method(),
                    r.activationBits(), staged.stage(next++, "calibration"), cancel);
            IntegerVgg model = models.build(c, r.config());
            var integerStage = staged.stage(next, "integer model");
            CifarSplit test = data.testSplit(integerStage, cancel);
            EvalResult integer = IntegerModels.evaluate(model, test, r.subset().limit(), integerStage, cancel);
            return new Outcome(c, model, integer, fp32);
        };
    }

    /**
     * The same run once per way of taking activation ranges ({@link RangeMethod}, in order), all from one pass over
     * the calibration images (the observation is shared) and on the same test images; {@code r.method()} is not
     * used. The outcomes come in the order of {@link RangeMethod#values()}.
     */
    public static Work<List<Outcome>> everyMethod(IntegerModels models, DatasetService data, Request r) {
        return (progress, cancel) -> {
            RangeMethod[] methods = RangeMethod.values();
            StagedProgress staged = new StagedProgress(progress, methods.length + 1);
            CifarSplit test = data.testSplit(staged.stage(0, "test images"), cancel);
            List<Outcome> out = new ArrayList<>();
            for (int i = 0; i < methods.length; i++) {
                var stage = staged.stage(i + 1, methods[i].recordName());
                Calibration c = models.calibrate(r.weights(), r.dataRoot(), r.calibrationImages(), methods[i],
                        r.activationBits(), stage, cancel);
                IntegerVgg model = models.build(c, r.config());
                out.add(new Outcome(c, model, IntegerModels.evaluate(model, test, r.subset().limit(), stage, cancel),
                        null));
            }
            return out;
        };
    }

    /** The row for the results: sizes by the lesson's rule and as stored, accuracy and speed. */
    public static LinearRun toRun(String method, Request r, Outcome o, double fp32Accuracy) {
        long params = VggArchitecture.cifarVgg().parameterCount();
        return new LinearRun(method, r.config(), o.calibration().images(), o.calibration().method(),
                ModelSize.mib(params, r.config().weightBits()), o.model().sizeBytes() / (double) ModelSize.MIB,
                o.integer().accuracyPercent(), fp32Accuracy, r.subset(), o.integer().images(),
                o.integer().imagesPerSecond());
    }

    /** The 8-bit size by the lesson's rule (8.80 MiB). */
    public static double int8Mib() {
        return ModelSize.mib(VggArchitecture.cifarVgg().parameterCount(), 8);
    }

    /** The fp32 size by the lesson's rule (35.20 MiB). */
    public static double fp32Mib() {
        return ModelSize.mib(VggArchitecture.cifarVgg().parameterCount(), 32);
    }
}
