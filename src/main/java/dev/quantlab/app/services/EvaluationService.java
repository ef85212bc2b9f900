package dev.quantlab.app.services;

import dev.quantlab.app.i18n.Language;
import ai.djl.ndarray.NDManager;
import dev.quantlab.app.jobs.StagedProgress;
import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.eval.EvalResult;
import dev.quantlab.eval.Evaluator;
import dev.quantlab.model.StateDict;
import dev.quantlab.onnx.Fp32Engine;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Top-1 accuracy of a set of weights on the test set (or a subset), for workers. Remembers the fp32 model's
 * results per subset so that later steps can report the drop without evaluating it again.
 */
public final class EvaluationService {
    private final Language language;
    /** Small batches: progress and cancellation every second or so on two cores. */
    public static final int BATCH = 50;

    private final DatasetService data;
    private final Map<Key, EvalResult> fp32Results = new ConcurrentHashMap<>();

    /** Results belong to one weights object (by identity), one data folder and one subset. */
    private record Key(StateDict weights, Path root, int limit) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.weights == weights && k.root.equals(root) && k.limit == limit;
        }

        @Override
        public int hashCode() {
            return (System.identityHashCode(weights) * 31 + root.hashCode()) * 31 + limit;
        }
    }

    public EvaluationService(DatasetService data, Language language) {
        this.data = data;
        this.language = language;
    }

    /** Evaluates {@code weights} on {@code subset} on libtorch; call from a worker thread. */
    public EvalResult evaluate(StateDict weights, TestSubset subset, ProgressListener progress,
                               CancellationToken cancel) {
        return evaluate(weights, subset, Fp32Engine.LIBTORCH, progress, cancel);
    }

    /**
     * Evaluates {@code weights} on {@code engine}. The fp32 baseline runs on {@link Fp32Engine#FASTEST} (same top-1
     * as libtorch on all 10,000 test images); changed weights (k-means, QAT) stay on libtorch, where they were measured.
     */
    private EvalResult evaluate(StateDict weights, TestSubset subset, Fp32Engine engine, ProgressListener progress,
                                CancellationToken cancel) {
        StagedProgress stages = new StagedProgress(progress, 2);
        CifarSplit test = data.testSplit(stages.stage(0, language.t("app.eval.stage.testSet")), cancel);
        try (NDManager manager = NDManager.newBaseManager(); Fp32Engine.Open net = engine.open(manager, weights, BATCH)) {
            return new Evaluator(BATCH).evaluate(net, test, subset.limit(),
                    stages.stage(1, language.t("app.eval.stage.evaluating")), cancel);
        }
    }

    /** The engine the fp32 baseline runs on, to show beside its accuracy (e.g. "ONNX Runtime 1.22.0, BatchNorm folded"). */
    public String fp32EngineLabel() {
        return Fp32Engine.FASTEST.label();
    }

    /** Like {@link #evaluate} for the fp32 baseline, remembering the result for {@link #fp32Result}. */
    public EvalResult evaluateFp32(StateDict weights, TestSubset subset, ProgressListener progress,
                                   CancellationToken cancel) {
        Key key = new Key(weights, data.currentRoot(), subset.limit());
        EvalResult known = fp32Results.get(key);
        if (known != null) {
            return known;
        }
        EvalResult r = evaluate(weights, subset, Fp32Engine.FASTEST, progress, cancel);
        fp32Results.put(key, r);
        return r;
    }

    /**
     * Forgets the results of every model but {@code current} (called when another model is opened; a job of the
     * old model that ends later cannot take the new model's results with it).
     */
    public void forgetAllBut(StateDict current) {
        fp32Results.keySet().removeIf(k -> k.weights != current);
    }

    /** The fp32 result for these weights and subset, if already measured. */
    public Optional<EvalResult> fp32Result(StateDict weights, TestSubset subset) {
        return Optional.ofNullable(fp32Results.get(new Key(weights, data.currentRoot(), subset.limit())));
    }
}
