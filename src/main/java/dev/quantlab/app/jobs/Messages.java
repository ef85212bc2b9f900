package dev.quantlab.app.jobs;

import dev.quantlab.app.i18n.Texts;
import dev.quantlab.core.CancelledException;
import dev.quantlab.core.UserFacingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns any failure into one readable sentence for the UI, in a given language. */
public final class Messages {
    private Messages() { }

    /** One sentence for {@code error} in the language of {@code texts}. */
    public static String describe(Texts texts, Throwable error) {
        Throwable e = unwrap(error);
        if (e == null) {
            return texts.t("app.error.unknown");
        }
        if (e instanceof CancelledException) {
            return texts.t("app.error.cancelled");
        }
        if (e instanceof UserFacingException) {
            return e.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return texts.t("app.error.memory");
        }
        if (e instanceof IOException) {
            return texts.t("app.error.io", text(texts, e));
        }
        return texts.t("app.error.unexpected", e.getClass().getSimpleName(), text(texts, e));
    }

    static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof ExecutionException || e instanceof CompletionException
                || e instanceof UncheckedIOException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static String text(Texts texts, Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? texts.t("app.error.noDetails") : m;
    }
}
