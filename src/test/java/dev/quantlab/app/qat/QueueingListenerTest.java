package dev.quantlab.app.qat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.app.i18n.Language;
import dev.quantlab.train.EpochResult;
import dev.quantlab.train.StepResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worker-side listener: epochs numbered as the chart (0 = before QAT), timed steps and evaluations. */
class QueueingListenerTest {

    private static List<String> lines(List<QatEvent> events) {
        return events.stream().filter(e -> e instanceof QatEvent.Line).map(e -> ((QatEvent.Line) e).text()).toList();
    }

    @Test
    void epochZeroIsTheModelBeforeQatAndTrainedEpochsCountFromOne() {
        QatEventQueue queue = new QatEventQueue();
        QueueingListener l = new QueueingListener(queue, (done, total, message) -> { },
                new Language(Locale.ENGLISH), 2);
        l.onQuantized(80.0);
        l.onMessage("    2-bit k-means quantized model has accuracy=80.00% before quantization-aware training");
        l.onMessage("Quantization-aware training due to accuracy drop=12.00% is larger than threshold=0.50%");
        l.onCodebooks(0, Map.of("w", new float[] {-1f, 1f}));
        l.onStep(new StepResult(0, 1, 1, 1, 2.0, 3, 8, 0.01));
        l.onCodebooks(1, Map.of("w", new float[] {-0.9f, 1.1f}));
        // the pipeline counts its first epoch as "Epoch 0": that line is replaced
        l.onMessage("Epoch 0 Accuracy 85.00% / Best Accuracy: 85.00%");
        l.onEpoch(new EpochResult(0, 2.0, 30, 85.0, 0.01, 100, 0.1, 1));
        l.onMessage("Epoch 1 Accuracy 83.00% / Best Accuracy: 85.00%");
        l.onEpoch(new EpochResult(1, 2.0, 30, 83.0, 0.01, 100, 0.1, 2));

        List<QatEvent> events = queue.drain();
        assertEquals(List.of(
                "    2-bit k-means quantized model has accuracy=80.00% before quantization-aware training",
                "Quantization-aware training due to accuracy drop=12.00% is larger than threshold=0.50%",
                "Epoch 0 Accuracy 80.00% / Best Accuracy: 80.00%   (k-means model, before QAT)",
                "Epoch 1 Accuracy 85.00% / Best Accuracy: 85.00%",
                "Epoch 2 Accuracy 83.00% / Best Accuracy: 85.00%"), lines(events));
        List<QatEvent.Step> steps = events.stream().filter(e -> e instanceof QatEvent.Step)
                .map(e -> (QatEvent.Step) e).toList();
        assertEquals(1, steps.size());
        assertTrue(steps.get(0).seconds() >= 0);
        assertEquals(2, events.stream().filter(e -> e instanceof QatEvent.Epoch).count());
        assertEquals(2, events.stream().filter(e -> e instanceof QatEvent.Codebooks).count(),
                "the start and one step");
    }
}
