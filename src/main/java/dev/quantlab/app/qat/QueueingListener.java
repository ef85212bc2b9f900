package dev.quantlab.app.qat;

import dev.quantlab.app.i18n.I18n;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.kmeans.qat.QatListener;
import dev.quantlab.train.EpochResult;
import dev.quantlab.train.StepResult;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The pipeline's listener on the worker thread: turns every callback into a {@link QatEvent} on the queue and
 * keeps the job's progress bar and message up to date (the job coalesces those itself).
 */
final class QueueingListener implements QatListener {
    private final QatEventQueue queue;
    private final ProgressListener progress;
    private final int epochs;
    private final CentroidSampler sampler = new CentroidSampler();
    private long done = -1;
    private long total = 1;

    /**
     * @param epochs the run's most epochs, for the progress bar
     */
    QueueingListener(QatEventQueue queue, ProgressListener progress, int epochs) {
        this.queue = queue;
        this.progress = progress;
        this.epochs = Math.max(1, epochs);
    }

    @Override
    public void onMessage(String line) {
        queue.offer(new QatEvent.Line(line));
        progress.onProgress(done, total, line.strip());
    }

    @Override
    public void onQuantized(double accuracyBefore) {
        queue.offer(new QatEvent.Before(accuracyBefore));
    }

    @Override
    public void onStep(StepResult s) {
        queue.offer(new QatEvent.Step(s));
        done = s.globalStep();
        total = (long) s.stepsInEpoch() * epochs;
        progress.onProgress(done, total, I18n.t("qat.progress.step", s.epoch(), s.stepInEpoch(), s.stepsInEpoch(),
                String.format(Locale.ROOT, "%.3f", s.loss())));
    }

    @Override
    public void onEpoch(EpochResult e) {
        queue.offer(new QatEvent.Epoch(e));
    }

    @Override
    public void onCodebooks(long step, Map<String, float[]> centroids) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        centroids.forEach((l, c) -> sizes.put(l, c.length));
        queue.offer(new QatEvent.Codebooks(step, sampler.sample(centroids), sizes));
    }
}
