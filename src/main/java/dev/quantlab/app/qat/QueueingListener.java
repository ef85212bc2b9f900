package dev.quantlab.app.qat;

import dev.quantlab.app.i18n.Language;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.kmeans.qat.QatListener;
import dev.quantlab.train.EpochResult;
import dev.quantlab.train.StepResult;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The pipeline's listener on the worker thread: turns every callback into a {@link QatEvent} on the queue, times
 * each step and each epoch's evaluation, and keeps the job's progress bar and message up to date (the job coalesces
 * those itself).
 * <p>
 * Epochs are numbered as the accuracy chart numbers them: "Epoch 0" is the k-means model before QAT, then 1..N
 * after each epoch of training (the pipeline's own epoch lines, counted from 0 after the first epoch, are replaced).
 */
final class QueueingListener implements QatListener {
    /** The pipeline's epoch line ("Epoch 0 Accuracy 88.20% / Best Accuracy: 88.20%"), replaced here. */
    static final Pattern LESSON_EPOCH_LINE = Pattern.compile("^Epoch \\d+ Accuracy .*");
    /** The pipeline's line that says fine-tuning starts: epoch 0 (before QAT) is logged right after it. */
    static final String TRAINING_STARTS = "Quantization-aware training due to";

    private final QatEventQueue queue;
    private final ProgressListener progress;
    private final Language language;
    private final int epochs;
    private final CentroidSampler sampler = new CentroidSampler();
    private long done = -1;
    private long total = 1;
    private double best = Double.NaN;
    private long mark = System.nanoTime();

    /**
     * @param epochs the run's most epochs, for the progress bar
     */
    QueueingListener(QatEventQueue queue, ProgressListener progress, Language language, int epochs) {
        this.queue = queue;
        this.progress = progress;
        this.language = language;
        this.epochs = Math.max(1, epochs);
    }

    /** The log line of epoch {@code epoch} (0 = before QAT) in the lesson's words. */
    static String epochLine(int epoch, double accuracy, double best) {
        return String.format(Locale.ROOT, "Epoch %d Accuracy %.2f%% / Best Accuracy: %.2f%%%s", epoch, accuracy, best,
                epoch == 0 ? "   (k-means model, before QAT)" : "");
    }

    @Override
    public void onMessage(String line) {
        if (LESSON_EPOCH_LINE.matcher(line).matches()) {
            return;
        }
        queue.offer(new QatEvent.Line(line));
        progress.onProgress(done, total, line.strip());
        if (line.startsWith(TRAINING_STARTS) && !Double.isNaN(best)) {
            queue.offer(new QatEvent.Line(epochLine(0, best, best)));
        }
    }

    @Override
    public void onQuantized(double accuracyBefore) {
        best = accuracyBefore;
        queue.offer(new QatEvent.Before(accuracyBefore));
    }

    @Override
    public void onStep(StepResult s) {
        queue.offer(new QatEvent.Step(s, lap()));
        done = s.globalStep();
        total = (long) s.stepsInEpoch() * epochs;
        progress.onProgress(done, total, language.t("qat.progress.step", s.epoch() + 1, s.stepInEpoch(),
                s.stepsInEpoch(), String.format(Locale.ROOT, "%.3f", s.loss())));
    }

    @Override
    public void onEpoch(EpochResult e) {
        double evalSeconds = lap();
        best = Double.isNaN(best) ? e.testAccuracy() : Math.max(best, e.testAccuracy());
        queue.offer(new QatEvent.Line(epochLine(e.epoch() + 1, e.testAccuracy(), best)));
        queue.offer(new QatEvent.Epoch(e, evalSeconds));
    }

    @Override
    public void onCodebooks(long step, Map<String, float[]> centroids) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        centroids.forEach((l, c) -> sizes.put(l, c.length));
        queue.offer(new QatEvent.Codebooks(step, sampler.sample(centroids), sizes));
        mark = System.nanoTime(); // sampling counts as part of the step; the next step is timed from here
    }

    /** Seconds since the last timed point. */
    private double lap() {
        long now = System.nanoTime();
        double s = (now - mark) / 1e9;
        mark = now;
        return s;
    }
}
