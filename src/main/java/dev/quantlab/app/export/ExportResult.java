package dev.quantlab.app.export;

import dev.quantlab.app.i18n.I18n;
import java.nio.file.Path;
import java.util.List;

/** What an export wrote and what it left alone because the user did not allow overwriting. */
public record ExportResult(List<Path> written, List<Path> skipped) {
    public ExportResult {
        written = List.copyOf(written);
        skipped = List.copyOf(skipped);
    }

    /** A one-line summary for the status bar. */
    public String summary() {
        String s = written.size() == 1 ? I18n.t("app.export.one", written.get(0).toString())
                : I18n.t("app.export.many", Integer.toString(written.size()));
        return skipped.isEmpty() ? s : I18n.t("app.export.kept", s, Integer.toString(skipped.size()));
    }
}
