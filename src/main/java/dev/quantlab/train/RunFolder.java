package dev.quantlab.train;

import dev.quantlab.core.AtomicFiles;
import dev.quantlab.core.FolderLock;
import dev.quantlab.core.UserFacingException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The folder of one resumable run (a training run, or one plan of a QAT run), held open by one process: opening it
 * creates it, locks it ({@value #LOCK}; a second process is refused with a message that says so) and removes the
 * temporary files a killed save of the run's own files left behind ({@code .<file>.<random>.tmp}, see
 * {@link AtomicFiles}). Files of an earlier run are never deleted: {@link #keepAside} renames them.
 * The lock is released on {@link #close()}, or by the operating system when the process dies.
 */
public final class RunFolder implements AutoCloseable {
    public static final String LOCK = FolderLock.FILE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path dir;
    private final FolderLock lock;
    private final List<Path> swept;

    private RunFolder(Path dir, FolderLock lock, List<Path> swept) {
        this.dir = dir;
        this.lock = lock;
        this.swept = swept;
    }

    /**
     * Opens {@code dir} for a run whose files are {@code runFiles} (names inside the folder).
     *
     * @throws UserFacingException when another process (or another run in this one) holds the folder, or it cannot
     *                             be created or locked
     */
    public static RunFolder open(Path dir, Set<String> runFiles) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserFacingException("cannot create the run folder " + dir + ": " + reason(e), e);
        }
        FolderLock lock;
        try {
            lock = FolderLock.tryAcquire(dir).orElseThrow(() -> busy(dir));
        } catch (IOException e) {
            throw cannotLock(dir, e);
        }
        try {
            return new RunFolder(dir, lock, sweep(dir, runFiles));
        } catch (IOException e) {
            lock.close();
            throw cannotLock(dir, e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public Path dir() {
        return dir;
    }

    public Path resolve(String name) {
        return dir.resolve(name);
    }

    /** The stale temporary files removed when the folder was opened. */
    public List<Path> swept() {
        return swept;
    }

    /**
     * Renames {@code names} that exist to {@code <name>.replaced-<time>} in the same folder, so a run that starts
     * over never destroys the one before it. Returns the new paths.
     */
    public List<Path> keepAside(List<String> names) throws IOException {
        String stamp = LocalDateTime.now().format(STAMP);
        List<Path> moved = new ArrayList<>();
        for (String name : names) {
            Path from = dir.resolve(name);
            if (Files.exists(from)) {
                Path to = dir.resolve(name + ".replaced-" + stamp);
                for (int i = 2; Files.exists(to); i++) {
                    to = dir.resolve(name + ".replaced-" + stamp + "-" + i);
                }
                moved.add(Files.move(from, to));
            }
        }
        return moved;
    }

    private static List<Path> sweep(Path dir, Set<String> runFiles) throws IOException {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path p : entries) {
                String n = p.getFileName().toString();
                boolean ours = runFiles.stream().anyMatch(f -> n.startsWith("." + f + "."));
                if (ours && Files.isRegularFile(p)) {
                    Files.delete(p);
                    removed.add(p);
                }
            }
        }
        return List.copyOf(removed);
    }

    private static UserFacingException busy(Path dir) {
        return new UserFacingException("another QuantLab process is using the run folder " + dir
                + ": wait for it to finish (or stop it), or choose another folder");
    }

    private static UserFacingException cannotLock(Path dir, IOException e) {
        return new UserFacingException("cannot lock the run folder " + dir + " (" + dir.resolve(LOCK) + "): "
                + reason(e), e);
    }

    private static String reason(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    @Override
    public void close() {
        lock.close();
    }
}
