package dev.quantlab.app.jobs;

import dev.quantlab.core.CancelledException;
import dev.quantlab.core.UserFacingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns any failure into one readable sentence for the UI. */
public final class Messages {
    private Messages() { }

    public static String describe(Throwable error) {
        Throwable e = unwrap(error);
        if (e == null) {
            return "Unknown error.";
        }
        if (e instanceof CancelledException) {
            return "Cancelled.";
        }
        if (e instanceof UserFacingException) {
            return e.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return "Not enough memory for this job. Close other jobs or start QuantLab with a larger -Xmx.";
        }
        if (e instanceof IOException) {
            return "A file could not be read or written: " + text(e);
        }
        return "Unexpected error (" + e.getClass().getSimpleName() + "): " + text(e);
    }

    static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof ExecutionException || e instanceof CompletionException
                || e instanceof UncheckedIOException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static String text(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? "no details" : m;
    }
}
