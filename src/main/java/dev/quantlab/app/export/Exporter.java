package dev.quantlab.app.export;

import dev.quantlab.core.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes figures and tables to files: each file atomically, existing files only if the
 * {@link OverwritePolicy} allows (asked once for the whole batch). No JavaFX involved.
 */
public final class Exporter {
    private final OverwritePolicy policy;

    public Exporter(OverwritePolicy policy) {
        this.policy = policy;
    }

    /** One chart in one format to {@code file}. */
    public ExportResult exportFigure(Figure figure, ImageFormat format, Path file) throws IOException {
        return writeAll(Map.of(file, out -> ChartRenderer.write(figure, format, out)));
    }

    /** One table as CSV to {@code file}. */
    public ExportResult exportTable(DataTable table, Path file) throws IOException {
        return writeAll(Map.of(file, out -> CsvWriter.write(table, out)));
    }

    /** Every chart in every format and every table as CSV into {@code folder} ({@code <name>.<ext>}). */
    public ExportResult exportAll(FigureSet set, Path folder) throws IOException {
        return writeAll(plan(set, folder));
    }

    /** The files {@link #exportAll} would write. */
    public static List<Path> plannedFiles(FigureSet set, Path folder) {
        return new ArrayList<>(plan(set, folder).keySet());
    }

    private static Map<Path, AtomicFiles.Writer> plan(FigureSet set, Path folder) {
        Map<Path, AtomicFiles.Writer> files = new LinkedHashMap<>();
        for (Figure f : set.figures()) {
            for (ImageFormat format : ImageFormat.values()) {
                files.put(folder.resolve(f.name() + "." + format.extension()),
                        out -> ChartRenderer.write(f, format, out));
            }
        }
        for (DataTable t : set.tables()) {
            files.put(folder.resolve(t.name() + ".csv"), out -> CsvWriter.write(t, out));
        }
        return files;
    }

    private ExportResult writeAll(Map<Path, AtomicFiles.Writer> files) throws IOException {
        List<Path> existing = files.keySet().stream().filter(Files::exists).toList();
        boolean overwrite = existing.isEmpty() || policy.allowOverwrite(existing);
        List<Path> written = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        for (Map.Entry<Path, AtomicFiles.Writer> e : files.entrySet()) {
            if (!overwrite && existing.contains(e.getKey())) {
                skipped.add(e.getKey());
                continue;
            }
            AtomicFiles.write(e.getKey(), e.getValue());
            written.add(e.getKey());
        }
        return new ExportResult(written, skipped);
    }
}
