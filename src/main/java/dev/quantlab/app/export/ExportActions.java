package dev.quantlab.app.export;

import dev.quantlab.app.i18n.Language;
import dev.quantlab.app.i18n.Texts;
import dev.quantlab.app.jobs.ErrorReporter;
import dev.quantlab.app.jobs.JobRunner;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The export commands behind menus and buttons: choose a file or folder, confirm overwriting, write, report.
 * Charts are drawn from copies in background jobs (the FX thread only asks about overwriting); CSV tables are
 * written at once. {@code done} callbacks get an empty result when a job fails (the error is reported).
 * Use on the FX thread.
 */
public final class ExportActions {
    private final Supplier<Window> owner;
    private final JobRunner jobs;
    private final ErrorReporter errors;
    private final Consumer<String> notice;
    private final Language language;
    private OverwritePolicy policy;
    private Path lastFolder;

    public ExportActions(Supplier<Window> owner, JobRunner jobs, ErrorReporter errors, Consumer<String> notice,
                         Language language) {
        this.owner = owner;
        this.jobs = jobs;
        this.errors = errors;
        this.notice = notice;
        this.language = language;
        this.policy = new ConfirmOverwriteDialog(owner, language);
    }

    /** The texts of the window's language now (for the export menus a chart or table shows). */
    public Texts texts() {
        return language.texts();
    }

    /** Where the next save dialog starts: the folder of an earlier export (e.g. from the settings). */
    public void rememberFolder(Optional<Path> folder) {
        lastFolder = folder.map(p -> p.toAbsolutePath()).orElse(null);
    }

    /** The folder of the last export, if any (kept in the settings). */
    public Optional<Path> lastFolder() {
        return Optional.ofNullable(lastFolder);
    }

    /** The folder a save dialog starts in: the last export's if it still exists, else the user's home (never the
     * folder the app was started from). */
    File initialFolder() {
        if (lastFolder != null && Files.isDirectory(lastFolder)) {
            return lastFolder.toFile();
        }
        File home = new File(System.getProperty("user.home", "."));
        return home.isDirectory() ? home : null;
    }

    /** Replaces the confirm dialog (tests use {@link OverwritePolicy#ALWAYS} or {@link OverwritePolicy#NEVER}). */
    public void setOverwritePolicy(OverwritePolicy policy) {
        this.policy = policy;
    }

    /** Asks for a file name, then writes the chart in {@code format}. */
    public void exportFigure(Figure figure, ImageFormat format) {
        File f = saveChooser(figure.name(), format.description(language.texts()), format.extension()).showSaveDialog(owner.get());
        if (f != null) {
            exportFigureTo(figure, format, f.toPath(), r -> { });
        }
    }

    /**
     * Writes the chart to {@code file} in a background job (a large chart takes a moment as PDF or 2x PNG), drawing
     * a copy so that the one on screen can go on changing; an existing file is replaced only if the overwrite policy
     * allows (asked here, before the job starts). {@code done} gets the result.
     */
    public void exportFigureTo(Figure figure, ImageFormat format, Path file, Consumer<ExportResult> done) {
        remember(file);
        Figure copy = figure.snapshot();
        OverwritePolicy decided = decide(List.of(file));
        jobs.submit(language.t("app.export.fileJob", String.valueOf(file.getFileName())),
                (p, c) -> new Exporter(decided).exportFigure(copy, format, file), r -> {
                    notice.accept(r.written().isEmpty() ? language.t("app.export.keptExisting") : r.summary(language.texts()));
                    done.accept(r);
                }, e -> done.accept(new ExportResult(List.of(), List.of())));
    }

    /** Asks for a file name, then writes the table as CSV. */
    public void exportTable(DataTable table) {
        File f = saveChooser(table.name(), language.t("app.format.csv"), "csv").showSaveDialog(owner.get());
        if (f != null) {
            exportTableTo(table, f.toPath());
        }
    }

    public ExportResult exportTableTo(DataTable table, Path file) {
        remember(file);
        return run(() -> new Exporter(policy).exportTable(table, file));
    }

    /** Asks for a folder, then writes every figure (PNG, SVG, PDF) and table (CSV) of {@code set} there. */
    public void exportAll(Supplier<FigureSet> set) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(language.t("app.export.folderTitle"));
        chooser.setInitialDirectory(initialFolder());
        File dir = chooser.showDialog(owner.get());
        if (dir != null) {
            exportAllTo(set.get(), dir.toPath(), r -> { });
        }
    }

    /**
     * Writes everything in {@code set} into {@code folder} in a background job; existing files are replaced only
     * if the overwrite policy allows (asked here, before the job starts). {@code done} gets the result.
     */
    public void exportAllTo(FigureSet set, Path folder, Consumer<ExportResult> done) {
        if (set.isEmpty()) {
            notice.accept(language.t("app.export.nothing"));
            return;
        }
        lastFolder = folder.toAbsolutePath();
        FigureSet copy = set.snapshot();
        OverwritePolicy decided = decide(Exporter.plannedFiles(copy, folder));
        jobs.submit(language.t("app.export.job", String.valueOf(folder.getFileName())),
                (p, c) -> new Exporter(decided).exportAll(copy, folder), r -> {
                    notice.accept(language.t("app.export.allDone", r.summary(language.texts()), folder.toString()));
                    done.accept(r);
                }, e -> done.accept(new ExportResult(List.of(), List.of())));
    }

    /** Asks (on the FX thread) whether the existing ones of {@code files} may be replaced; the answer, as a policy. */
    private OverwritePolicy decide(List<Path> files) {
        List<Path> existing = files.stream().filter(Files::exists).toList();
        return existing.isEmpty() || policy.allowOverwrite(existing) ? OverwritePolicy.ALWAYS : OverwritePolicy.NEVER;
    }

    private interface Export {
        ExportResult write() throws IOException;
    }

    private ExportResult run(Export export) {
        try {
            ExportResult r = export.write();
            notice.accept(r.written().isEmpty() ? language.t("app.export.keptExisting") : r.summary(language.texts()));
            return r;
        } catch (IOException | RuntimeException e) {
            errors.report(language.t("app.export.what"), e);
            return new ExportResult(List.of(), List.of());
        }
    }

    private void remember(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            lastFolder = parent;
        }
    }

    private FileChooser saveChooser(String name, String description, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(language.t("app.export.chooserTitle", description));
        chooser.setInitialFileName(name + "." + extension);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, "*." + extension));
        chooser.setInitialDirectory(initialFolder());
        return chooser;
    }
}
