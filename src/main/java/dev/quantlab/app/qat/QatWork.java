package dev.quantlab.app.qat;

import ai.djl.ndarray.NDManager;
import dev.quantlab.app.jobs.TrainingThread;
import dev.quantlab.app.jobs.Work;
import dev.quantlab.app.services.KMeansSettings;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.eval.EvalResult;
import dev.quantlab.kmeans.BitWidthPlan;
import dev.quantlab.kmeans.qat.KMeansQat;
import dev.quantlab.kmeans.qat.QatResult;
import dev.quantlab.kmeans.qat.QatStoppedException;
import dev.quantlab.model.ModelSize;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.VggArchitecture;
import dev.quantlab.results.RunRecord;
import dev.quantlab.results.RunRecords;
import java.util.Locale;

/**
 * One QAT run as background work: the fp32 accuracy on the chosen test images (remembered by the evaluation
 * service), then {@link KMeansQat} on a copy of the weights, its events queued for the tab. Everything runs on
 * the app's {@link TrainingThread}; the job's own thread waits for it. The result is the table row and the record
 * for the results store; a run stopped during fine-tuning queues the same for what it reached, as the CLI keeps it.
 */
final class QatWork {
    /** What a finished run produced. */
    record Outcome(QatRow row, RunRecord record) { }

    private QatWork() { }

    /** The run of {@code settings} on {@code fp32}, training on {@code trainSource}'s images. */
    static Work<Outcome> create(QatServices services, TrainSplitSource trainSource, StateDict fp32,
                                QatSettings settings, QatEventQueue queue) {
        return (progress, cancel) -> services.training().run(() -> {
            long t0 = System.nanoTime();
            EvalResult base = services.evaluation().evaluateFp32(fp32, settings.subset(), progress, cancel);
            queue.offer(new QatEvent.Fp32(base.accuracyPercent()));
            queue.offer(new QatEvent.Line(String.format(Locale.ROOT, "fp32 model has accuracy=%.2f%%",
                    base.accuracyPercent())));
            queue.offer(new QatEvent.Line("fp32 model has size=" + ModelSize.formatMib(
                    ModelSize.mib(VggArchitecture.cifarVgg().parameterCount(), 32))));
            CifarSplit test = services.data().testSplit(progress, cancel);
            CifarSplit train = trainSource.trainSplit(progress, cancel);
            queue.offer(new QatEvent.TrainImages(train.size()));
            QueueingListener listener = new QueueingListener(queue, progress, services.language(), settings.epochs());
            QatResult r;
            try (NDManager manager = NDManager.newBaseManager()) {
                r = new KMeansQat(settings.toConfig(), KMeansSettings.DEFAULT.init(), listener, cancel)
                        .run(manager, fp32, base.accuracyPercent(), BitWidthPlan.uniform(settings.bits()), true,
                                train, test);
            } catch (QatStoppedException stopped) {
                queue.offer(new QatEvent.Stopped(outcome(settings, stopped.soFar(), base.images(),
                        (System.nanoTime() - t0) / 1e9)));
                throw stopped;
            }
            return outcome(settings, r, base.images(), (System.nanoTime() - t0) / 1e9);
        }, cancel);
    }

    static Outcome outcome(QatSettings s, QatResult r, int testImages, double seconds) {
        QatRow row = new QatRow(s.bits(), s.rule(), r.fp32Accuracy(), r.accuracyBefore(), r.bestAccuracy(),
                r.trained(), r.epochAccuracies().size(), s.epochs(), r.stopped(), s.epochFraction(), seconds,
                testImages);
        return new Outcome(row, RunRecords.qat(r, s.toConfig(), testImages));
    }
}
