package dev.quantlab.kmeans.qat;

import dev.quantlab.kmeans.BitWidthPlan;
import dev.quantlab.kmeans.QuantizedModel;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggArchitecture;

/** What is being fine-tuned: the plan, its k-means model and the fp32 accuracy the drop is measured from. */
record QatSubject(BitWidthPlan plan, QuantizedModel q, double fp32Accuracy) {

    /** The result of a run that ended at {@code s} with the {@code best} weights. */
    QatResult result(QatState s, StateDict best, boolean trained, boolean stopped) {
        return new QatResult(
                new QatResult.Quantized(plan.describe(), plan.maxBits(VggArchitecture.cifarVgg()), q, s.kmeansSeconds),
                new QatResult.Accuracies(fp32Accuracy, s.accuracyBefore, s.accuracyAfterBn, trained ? s.best : s.start),
                trained ? new QatResult.Training(true, s.epochAccuracies, stopped, s.qatSeconds)
                        : QatResult.Training.NONE,
                best);
    }
}
