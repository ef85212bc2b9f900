package dev.quantlab.data;

import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.FolderLock;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.core.UserFacingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;

/**
 * Downloads CIFAR-10 (by default the official {@code cifar-10-binary.tar.gz}) into a data root so that
 * {@code <root>/cifar-10-batches-bin/} holds the six verified batch files.
 *
 * <ul>
 *   <li>The archive is downloaded into {@code <root>/.download/<name>.part}; an interrupted download (dropped
 *       connection, cancellation, full disk) is resumed with an HTTP Range request on the next run, or started
 *       over when the server does not support ranges.</li>
 *   <li>The complete archive's MD5 is checked; on a mismatch the download is deleted and a
 *       {@link DataFormatException} names the expected and the actual MD5.</li>
 *   <li>The archive is unpacked into a temporary folder inside the root, every expected file's size and MD5 is
 *       checked, and only then is the folder renamed (atomically) to its final name, so a half-unpacked folder is
 *       never visible.</li>
 *   <li>Running it again when the folder is already there and valid does nothing but check it.</li>
 * </ul>
 * Progress is reported in bytes for each phase (download, MD5 check, unpacking, file checks); cancellation is
 * honoured throughout and leaves a resumable partial download.
 */
public final class CifarDownloader {
    /** Folder inside the data root that holds partial and complete downloads while they are in use. */
    public static final String WORK_FOLDER = ".download";
    private static final String UNPACK_PREFIX = ".unpack-";

    private final DatasetSpec spec;
    private final DownloadSettings settings;
    private final HttpClient client;

    /** Downloads the official CIFAR-10 binary release. */
    public CifarDownloader() {
        this(DatasetSpec.CIFAR10_BINARY);
    }

    /** Downloads the CIFAR-10 binary release from {@code url} (a mirror), which must have the given MD5. */
    public CifarDownloader(URI url, String md5) {
        this(DatasetSpec.CIFAR10_BINARY.withArchive(url, md5));
    }

    /** Downloads and checks what {@code spec} describes. */
    public CifarDownloader(DatasetSpec spec) {
        this(spec, DownloadSettings.DEFAULT);
    }

    CifarDownloader(DatasetSpec spec, DownloadSettings settings) {
        this.spec = spec;
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public DatasetSpec spec() {
        return spec;
    }

    /**
     * What a download call did.
     *
     * @param folder the folder that now holds the verified files
     * @param downloaded false when the folder was already there and valid (nothing was downloaded)
     */
    public record Result(Path folder, boolean downloaded) { }

    /**
     * Makes sure {@code root} holds the dataset folder, downloading and unpacking it if needed.
     *
     * @throws UserFacingException for network, server and disk problems, or an existing folder that is invalid
     * @throws DataFormatException when the archive or an unpacked file fails its check
     * @throws dev.quantlab.core.CancelledException when cancelled (a partial download is kept for resuming)
     */
    public Result download(Path root, ProgressListener progress, CancellationToken cancel) {
        ProgressListener p = progress == null ? ProgressListener.NONE : progress;
        CancellationToken c = cancel == null ? CancellationToken.none() : cancel;
        Path existing = existingFolder(root);
        if (existing != null) {
            checkExisting(existing, p, c);
            return new Result(existing, false);
        }
        Path work = root.resolve(WORK_FOLDER);
        createDirectories(work);
        Path target = root.resolve(spec.folder());
        FolderLock lock = DownloadLock.acquire(work);
        try {
            if (Files.exists(target)) { // another download finished just before we took the lock
                checkExisting(target, p, c);
                return new Result(target, false);
            }
            deleteStaleUnpackFolders(root);
            Path archive = work.resolve(spec.archiveName());
            if (!isVerifiedArchive(archive, p, c)) {
                Path part = work.resolve(spec.archiveName() + ".part");
                checkFreeSpace(root, ResumableDownload.lengthOf(part));
                new ResumableDownload(client, settings).fetch(spec.archiveUrl(), part, p, c);
                checkArchiveMd5(part, p, c);
                move(part, archive);
            }
            unpack(archive, root, target, p, c);
            deleteQuietly(archive);
        } finally {
            lock.close();
        }
        deleteQuietly(work.resolve(DownloadLock.FILE));
        deleteQuietly(work);
        return new Result(target, true);
    }

    /** The dataset folder if it is already there: {@code <root>/<folder>}, or the root itself holding the files. */
    private Path existingFolder(Path root) {
        Path inside = root.resolve(spec.folder());
        if (Files.exists(inside)) {
            return inside;
        }
        if (!spec.files().isEmpty() && Files.isRegularFile(root.resolve(spec.files().get(0).name()))) {
            return root;
        }
        return null;
    }

    private void checkExisting(Path folder, ProgressListener progress, CancellationToken cancel) {
        if (!Files.isDirectory(folder)) {
            throw new UserFacingException(folder + " exists but is not a folder. Move it away and run the download "
                    + "again.");
        }
        try {
            DatasetVerifier.verify(folder, spec, progress, cancel);
        } catch (DataFormatException e) {
            throw new UserFacingException(e.getMessage() + ". The folder " + folder + " is already there but not a "
                    + "complete, valid copy; delete or move it and run the download again.", e);
        }
    }

    /** True when a complete archive from an earlier run is there and intact; a damaged one is deleted. */
    private boolean isVerifiedArchive(Path archive, ProgressListener progress, CancellationToken cancel) {
        if (!Files.isRegularFile(archive)) {
            return false;
        }
        if (md5(archive, progress, cancel).equals(spec.archiveMd5())) {
            return true;
        }
        deleteQuietly(archive);
        return false;
    }

    private void checkArchiveMd5(Path part, ProgressListener progress, CancellationToken cancel) {
        String actual = md5(part, progress, cancel);
        if (!actual.equals(spec.archiveMd5())) {
            deleteQuietly(part);
            throw new DataFormatException(part, "MD5 is " + actual + " but the expected MD5 is " + spec.archiveMd5()
                    + ". The download is damaged (or the server sent a different file) and was deleted; "
                    + "run the download again");
        }
    }

    private String md5(Path file, ProgressListener progress, CancellationToken cancel) {
        ThrottledProgress report = new ThrottledProgress(progress);
        long size = ResumableDownload.lengthOf(file);
        String message = "checking MD5 of " + spec.archiveName();
        try {
            String md5 = FileMd5.of(file, cancel, n -> report.report(n, size, message));
            report.report(size, size, message);
            return md5;
        } catch (IOException e) {
            throw new DataFormatException(file, "cannot be read (" + ResumableDownload.describe(e) + ")");
        }
    }

    private void unpack(Path archive, Path root, Path target, ProgressListener progress, CancellationToken cancel) {
        Path tmp;
        try {
            tmp = Files.createTempDirectory(root, UNPACK_PREFIX);
        } catch (IOException e) {
            throw new UserFacingException("Cannot create a folder in " + root + " ("
                    + ResumableDownload.describe(e) + ")", e);
        }
        try {
            TarGzExtractor.extract(archive, tmp, progress, cancel);
            Path unpacked = tmp.resolve(spec.folder());
            if (!Files.isDirectory(unpacked)) {
                throw new DataFormatException(archive, "does not contain the folder " + spec.folder() + "/");
            }
            DatasetVerifier.verify(unpacked, spec, progress, cancel);
            moveFolder(unpacked, target);
        } finally {
            deleteTree(tmp);
        }
    }

    private static void moveFolder(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            throw new UserFacingException(to + " appeared while the download was unpacked; run the download again "
                    + "to check it.", e);
        } catch (IOException e) {
            throw new UserFacingException("Cannot rename the unpacked folder to " + to + " ("
                    + ResumableDownload.describe(e) + ")", e);
        }
    }

    private void checkFreeSpace(Path root, long alreadyDownloaded) {
        long needed = Math.max(0, spec.totalSize() - alreadyDownloaded) + spec.totalSize();
        long free;
        try {
            free = Files.getFileStore(root).getUsableSpace();
        } catch (IOException e) {
            return; // unknown: the write itself will report a full disk
        }
        if (free < needed) {
            throw new UserFacingException("Not enough free disk space in " + root.toAbsolutePath() + ": the download "
                    + "needs about " + ResumableDownload.mib(needed) + ", only " + ResumableDownload.mib(free)
                    + " are free. Free some space or choose another folder with --data DIR.");
        }
    }

    private static void deleteStaleUnpackFolders(Path root) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, UNPACK_PREFIX + "*")) {
            for (Path d : dirs) {
                deleteTree(d);
            }
        } catch (IOException e) {
            // leftovers of an earlier run only cost space
        }
    }

    private static void move(Path from, Path to) {
        try {
            try {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UserFacingException("Cannot rename " + from + " to " + to + " ("
                    + ResumableDownload.describe(e) + ")", e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserFacingException("Cannot create the data folder " + dir + " ("
                    + ResumableDownload.describe(e) + ")", e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(CifarDownloader::deleteQuietly);
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover temporary folder is removed on the next run
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort (a non-empty folder, or a file in use)
        }
    }
}
