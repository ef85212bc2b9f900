package dev.quantlab.app.export;

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
        String s = written.size() == 1 ? "Exported " + written.get(0) : "Exported " + written.size() + " files";
        return skipped.isEmpty() ? s : s + " (" + skipped.size() + " existing files kept)";
    }
}
