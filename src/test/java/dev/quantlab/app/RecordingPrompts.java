package dev.quantlab.app;

import dev.quantlab.app.common.Prompts;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts prompts instead of opening dialogs. */
public final class RecordingPrompts implements Prompts {
    final AtomicInteger needData = new AtomicInteger();
    final AtomicInteger needModel = new AtomicInteger();
    final AtomicInteger openModel = new AtomicInteger();

    @Override
    public void needData() {
        needData.incrementAndGet();
    }

    @Override
    public void needModel() {
        needModel.incrementAndGet();
    }

    @Override
    public void openModelFile() {
        openModel.incrementAndGet();
    }
}
