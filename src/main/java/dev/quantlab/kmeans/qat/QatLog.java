package dev.quantlab.kmeans.qat;

import dev.quantlab.model.ModelSize;
import java.util.Locale;

/** The lesson's log lines of a k-means (+ QAT) run, sent to the listener as the run reaches each point. */
final class QatLog {
    private final QatListener listener;
    private final QatConfig config;

    QatLog(QatListener listener, QatConfig config) {
        this.listener = listener;
        this.config = config;
    }

    void line(String text) {
        listener.onMessage(text);
    }

    /** {@code bits}: "2 bits", or a mixed plan's label. */
    void quantizing(String bits) {
        line("k-means quantizing model into " + bits);
    }

    void size(String bits, double lessonMib) {
        line(String.format(Locale.ROOT, "    %s k-means quantized model has size=%s", bits,
                ModelSize.formatMib(lessonMib)));
    }

    void before(String bits, boolean qat, QatState s) {
        listener.onQuantized(s.accuracyBefore);
        line(String.format(Locale.ROOT, "    %s k-means quantized model has accuracy=%.2f%%%s", bits,
                s.accuracyBefore, qat ? " before quantization-aware training" : ""));
    }

    void bn(QatState s) {
        line(String.format(Locale.ROOT, "    BatchNorm re-estimated on %d training images: accuracy=%.2f%% (%+.2f points)",
                config.bnRecalibrationImages(), s.accuracyAfterBn, s.accuracyAfterBn - s.accuracyBefore));
    }

    void noTrainingNeeded(double drop) {
        line(String.format(Locale.ROOT, "No need for quantization-aware training since accuracy drop=%.2f%% is "
                + "smaller than threshold=%.2f%%", drop, config.threshold()));
    }

    void training(double fp32Accuracy, QatState s) {
        line(String.format(Locale.ROOT,
                "Quantization-aware training due to accuracy drop=%.2f%% is larger than threshold=%.2f%%",
                fp32Accuracy - s.start, config.threshold()));
    }

    void epoch(int epoch, double accuracy, double best) {
        line(String.format(Locale.ROOT, "Epoch %d Accuracy %.2f%% / Best Accuracy: %.2f%%", epoch, accuracy, best));
    }
}
