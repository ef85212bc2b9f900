package dev.quantlab.app.jobs;

import dev.quantlab.app.i18n.I18n;
import dev.quantlab.core.CancelledException;
import dev.quantlab.core.UserFacingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns any failure into one readable sentence for the UI, in the current language ({@link I18n}). */
public final class Messages {
    private Messages() { }

    public static String describe(Throwable error) {
        Throwable e = unwrap(error);
        if (e == null) {
            return I18n.t("app.error.unknown");
        }
        if (e instanceof CancelledException) {
            return I18n.t("app.error.cancelled");
        }
        if (e instanceof UserFacingException) {
            return e.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return I18n.t("app.error.memory");
        }
        if (e instanceof IOException) {
            return I18n.t("app.error.io", text(e));
        }
        return I18n.t("app.error.unexpected", e.getClass().getSimpleName(), text(e));
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
        return m == null || m.isBlank() ? I18n.t("app.error.noDetails") : m;
    }
}
