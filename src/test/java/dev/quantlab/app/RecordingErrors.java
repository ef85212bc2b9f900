package dev.quantlab.app;

import dev.quantlab.app.jobs.ErrorReporter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps reported errors instead of showing dialogs. */
public final class RecordingErrors implements ErrorReporter {
    public final List<Throwable> errors = new CopyOnWriteArrayList<>();

    @Override
    public void report(String what, Throwable error) {
        errors.add(error);
    }
}
