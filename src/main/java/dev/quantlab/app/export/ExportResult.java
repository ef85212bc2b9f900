package dev.quantlab.app.export;

import dev.quantlab.app.i18n.Texts;
import java.nio.file.Path;
import java.util.List;

/** What an export wrote and what it left alone because the user did not allow overwriting. */
public record ExportResult(List<Path> written, List<Path> skipped) {
    public ExportResult {
        written = List.copyOf(written);
        skipped = List.copyOf(skipped);
    }

    /** A one-line summary for the status bar. */
    public String summary(Texts texts) {
        String s = written.size() == 1 ? texts.t("app.export.one", written.get(0).toString())
                : texts.t("app.export.many", Integer.toString(written.size()));
        return skipped.isEmpty() ? s : texts.t("app.export.kept", s, Integer.toString(skipped.size()));
    }
}
