package dev.quantlab.app.qat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Events from the worker, waiting for the FX thread. The worker only appends (no {@code Platform.runLater} per
 * step); the tab drains the queue a few times a second and applies each batch in one go.
 */
final class QatEventQueue {
    private final ConcurrentLinkedQueue<QatEvent> pending = new ConcurrentLinkedQueue<>();

    void offer(QatEvent e) {
        pending.add(e);
    }

    /** Everything queued so far, oldest first. */
    List<QatEvent> drain() {
        List<QatEvent> out = new ArrayList<>();
        for (QatEvent e = pending.poll(); e != null; e = pending.poll()) {
            out.add(e);
        }
        return out;
    }
}
