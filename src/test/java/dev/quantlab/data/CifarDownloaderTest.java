package dev.quantlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.CancelledException;
import dev.quantlab.core.FolderLock;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.core.UserFacingException;
import dev.quantlab.testing.Cifar10;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The downloader against a local HTTP server serving a tiny archive: a clean download, a no-op re-run, MD5
 * mismatch, resuming after a dropped or stalled connection (with and without Range support), cancellation,
 * HTTP and network errors. Nothing here touches the internet.
 */
class CifarDownloaderTest {
    private static final DownloadSettings FAST = new DownloadSettings(Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(10), Duration.ZERO, 3);
    private static final TinyArchive ARCHIVE = new TinyArchive();

    @TempDir
    Path root;

    /** One progress report. */
    record Report(long done, long total, String message) { }

    /** Collects progress reports. */
    static final class Recorder implements ProgressListener {
        final List<Report> reports = new ArrayList<>();

        @Override
        public void onProgress(long done, long total, String message) {
            reports.add(new Report(done, total, message));
        }

        List<Report> downloading() {
            return reports.stream().filter(r -> r.message().startsWith("downloading")).toList();
        }
    }

    @Test
    void downloadsChecksAndUnpacksWithProgress() throws IOException {
        try (ArchiveServer server = new ArchiveServer(ARCHIVE.bytes, true)) {
            Recorder progress = new Recorder();
            CifarDownloader.Result result = downloader(server, FAST).download(root, progress, new CancellationToken());

            assertTrue(result.downloaded());
            assertEquals(root.resolve(CifarBinaryReader.FOLDER), result.folder());
            assertUnpacked();
            List<Report> dl = progress.downloading();
            assertFalse(dl.isEmpty());
            Report last = dl.get(dl.size() - 1);
            assertEquals(ARCHIVE.bytes.length, last.done());
            assertEquals(ARCHIVE.bytes.length, last.total());
            for (int i = 1; i < dl.size(); i++) {
                assertTrue(dl.get(i).done() >= dl.get(i - 1).done(), "download progress never goes back");
            }
            assertTrue(progress.reports.stream().anyMatch(r -> r.message().startsWith("checking MD5")));
            assertTrue(progress.reports.stream().anyMatch(r -> r.message().startsWith("extract")));
            assertEquals(List.of("-"), server.rangeHeaders());
            assertFalse(Files.exists(root.resolve(CifarDownloader.WORK_FOLDER)), "work folder is removed");
            assertEquals(List.of(CifarBinaryReader.FOLDER), list(root));
        }
    }

    @Test
    void runningAgainIsANoOp() throws IOException {
        try (ArchiveServer server = new ArchiveServer(ARCHIVE.bytes, true)) {
            CifarDownloader d = downloader(server, FAST);
            d.download(root, null, null);
            Recorder progress = new Recorder();

            CifarDownloader.Result again = d.download(root, progress, new CancellationToken());

            assertFalse(again.downloaded());
            assertEquals(1, server.requests());
            assertTrue(progress.downloading().isEmpty());
            assertUnpacked();
        }
    }

    @Test
    void md5MismatchDeletesTheDownloadAndNamesBothSums() throws IOException {
        try (ArchiveServer server = new ArchiveServer(ARCHIVE.bytes, true)) {
            String wrong = "0123456789abcdef0123456789abcdef";
            DatasetSpec spec = ARCHIVE.spec(server.uri()).withArchive(server.uri(), wrong);

            DataFormatException e = assertThrows(DataFormatException.class,
                    () -> new CifarDownloader(spec, FAST).download(root, null, null));

            assertTrue(e.getMessage().contains(wrong), e.getMessage());
            assertTrue(e.getMessage().contains(TinyArchive.md5(ARCHIVE.bytes)), e.getMessage());
            assertFalse(Files.exists(part()));
            assertFalse(Files.exists(root.resolve(CifarBinaryReader.FOLDER)));
        }
    }

    @Test
    void droppedConnectionIsResumedWithARangeRequest() throws IOException {
        try (ArchiveServer server = new ArchiveServer(ARCHIVE.bytes, true).dropFirstRequestAfter(40_000)) {
            assertTrue(downloader(server, FAST).download(root, null, null).downloaded());

            assertUnpacked();
            assertEquals(List.of("-", "bytes=40000-"), server.rangeHeaders());
        }
    }

    @Test
    void droppedConnectionStartsOverWhenTheServerIgnoresRanges() throws IOException {
        try (ArchiveServer server = new ArchiveServer(ARCHIVE.bytes, false).dropFirstRequestAfter(40_000)) {
            Recorder progress = new Recorder();
            downloader(server, FAST).download(root, progress, null);

            assertUnpacked();
            assertEquals(List.of("-", "bytes=40000-"), server.rangeHeaders(), "asked to resume, got the whole file");
            assertTrue(progress.downloading().stream().anyMatch(r -> r.done() == 0 && r.total() > 0),
                    "progress restarts at 0");
        }
    }

    @Test
    void dropWithoutRetriesKeepsACleanPrefixThatTheNextRunResumes() throws IOException {
        DownloadSettings once = new DownloadSettings(Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(10), Duration.ZERO, 1);
        try (ArchiveServer server = new ArchiveServer(ARCHIVE.bytes, true).dropFirstRequestAfter(50_000)) {
            UserFacingException e = assertThrows(UserFacingException.class,
                    () -> downloader(server, once).download(root, null, null));
            assertTrue(e.getMessage().contains("Network error") && e.getMessage().contains("resume"), e.getMessage());
            assertCleanPrefix(50_000);

            assertTrue(downloader(server, once).download(root, null, null).downloaded());
            assertEquals(List.of("-", "bytes=50000-"), server.rangeHeaders());
            assertUnpacked();
        }
    }

    @Test
    void stalledConnectionIsDroppedAndResumed() throws IOException {
        DownloadSettings impatient = new DownloadSettings(Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofMillis(300), Duration.ZERO, 3);
        try (ArchiveServer server = new ArchiveServer(ARCHIVE.bytes, true).stallFirstRequestAfter(30_000)) {
            long t0 = System.nanoTime();
            downloader(server, impatient).download(root, null, null);

            assertTrue(System.nanoTime() - t0 < 20_000_000_000L, "did not wait for the stalled server");
            assertEquals(List.of("-", "bytes=30000-"), server.rangeHeaders());
            assertUnpacked();
        }
    }

    @Test
    void cancellationLeavesAResumablePartial() throws IOException {
        try (ArchiveServer server = new ArchiveServer(ARCHIVE.bytes, true)) {
            CancellationToken cancel = new CancellationToken();
            ProgressListener cancelHalfWay = (done, total, message) -> {
                if (message.startsWith("downloading") && done >= 30_000 && done < total) {
                    cancel.cancel();
                }
            };
            assertThrows(CancelledException.class, () -> downloader(server, FAST).download(root, cancelHalfWay, cancel));
            long kept = Files.size(part());
            assertTrue(kept >= 30_000 && kept < ARCHIVE.bytes.length, "kept " + kept);
            assertCleanPrefix(kept);
            assertFalse(Files.exists(root.resolve(CifarBinaryReader.FOLDER)));

            assertTrue(downloader(server, FAST).download(root, null, new CancellationToken()).downloaded());
            assertEquals(List.of("-", "bytes=" + kept + "-"), server.rangeHeaders());
            assertUnpacked();
        }
    }

    @Test
    void completePartialFromAnEarlierRunIsNotDownloadedAgain() throws IOException {
        try (ArchiveServer server = new ArchiveServer(ARCHIVE.bytes, true)) {
            Files.createDirectories(part().getParent());
            Files.write(part(), ARCHIVE.bytes);

            downloader(server, FAST).download(root, null, null);

            assertEquals(List.of("bytes=" + ARCHIVE.bytes.length + "-"), server.rangeHeaders());
            assertUnpacked();
        }
    }

    @Test
    void httpErrorStatusIsReported() throws IOException {
        try (ArchiveServer server = new ArchiveServer(ARCHIVE.bytes, true).answerWith(404)) {
            UserFacingException e = assertThrows(UserFacingException.class,
                    () -> downloader(server, FAST).download(root, null, null));
            assertTrue(e.getMessage().contains("HTTP 404") && e.getMessage().contains(server.uri().toString()),
                    e.getMessage());
        }
    }

    @Test
    void unreachableServerIsANetworkError() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + port + "/cifar-10-binary.tar.gz");
        UserFacingException e = assertThrows(UserFacingException.class,
                () -> new CifarDownloader(ARCHIVE.spec(url), FAST).download(root, null, null));
        assertTrue(e.getMessage().startsWith("Network error while downloading " + url), e.getMessage());
    }

    @Test
    void unpackedFileWithWrongMd5IsReportedAndNothingIsLeftHalfDone() throws IOException {
        try (ArchiveServer server = new ArchiveServer(ARCHIVE.bytes, true)) {
            DatasetSpec good = ARCHIVE.spec(server.uri());
            List<DatasetSpec.ExpectedFile> files = new ArrayList<>(good.files());
            DatasetSpec.ExpectedFile f = files.get(2);
            files.set(2, new DatasetSpec.ExpectedFile(f.name(), f.size(), "00000000000000000000000000000000"));
            DatasetSpec bad = new DatasetSpec(good.archiveName(), good.archiveUrl(), good.archiveMd5(), good.folder(),
                    files);

            DataFormatException e = assertThrows(DataFormatException.class,
                    () -> new CifarDownloader(bad, FAST).download(root, null, null));

            assertTrue(e.getMessage().contains(f.name()) && e.getMessage().contains("MD5"), e.getMessage());
            assertFalse(Files.exists(root.resolve(CifarBinaryReader.FOLDER)));
            assertEquals(List.of(CifarDownloader.WORK_FOLDER), list(root), "no temporary folder left");
        }
    }

    @Test
    void existingInvalidFolderIsNotTouched() throws IOException {
        Path folder = Files.createDirectories(root.resolve(CifarBinaryReader.FOLDER));
        Files.write(folder.resolve("data_batch_1.bin"), new byte[10]);
        try (ArchiveServer server = new ArchiveServer(ARCHIVE.bytes, true)) {
            UserFacingException e = assertThrows(UserFacingException.class,
                    () -> downloader(server, FAST).download(root, null, null));
            assertTrue(e.getMessage().contains("delete or move"), e.getMessage());
            assertEquals(0, server.requests());
            assertEquals(10, Files.size(folder.resolve("data_batch_1.bin")));
        }
    }

    @Test
    void secondDownloadIntoTheSameFolderIsRefusedWhileOneRuns() throws IOException {
        Path work = Files.createDirectories(root.resolve(CifarDownloader.WORK_FOLDER));
        FolderLock held = DownloadLock.acquire(work);
        try (ArchiveServer server = new ArchiveServer(ARCHIVE.bytes, true)) {
            UserFacingException e = assertThrows(UserFacingException.class,
                    () -> downloader(server, FAST).download(root, null, null));
            assertTrue(e.getMessage().contains("Another download"), e.getMessage());
            assertEquals(0, server.requests());
        } finally {
            held.close();
        }
    }

    @Tag(Cifar10.TAG)
    @Test
    void officialSpecMatchesTheSharedCopyAndMakesDownloadANoOp() {
        Path shared = Cifar10.root();
        CifarDownloader.Result r = new CifarDownloader().download(shared, null, null);
        assertFalse(r.downloaded());
        assertEquals(Cifar10.binFolder(), r.folder());
    }

    private static CifarDownloader downloader(ArchiveServer server, DownloadSettings settings) {
        return new CifarDownloader(ARCHIVE.spec(server.uri()), settings);
    }

    private Path part() {
        return root.resolve(CifarDownloader.WORK_FOLDER).resolve("cifar-10-binary.tar.gz.part");
    }

    private void assertCleanPrefix(long expectedLength) throws IOException {
        byte[] kept = Files.readAllBytes(part());
        assertEquals(expectedLength, kept.length);
        assertArrayEquals(Arrays.copyOf(ARCHIVE.bytes, kept.length), kept);
    }

    private void assertUnpacked() throws IOException {
        Path folder = root.resolve(CifarBinaryReader.FOLDER);
        for (int i = 0; i < ARCHIVE.contents.size(); i++) {
            String name = i < 5 ? CifarBinaryReader.TRAIN_FILES.get(i) : CifarBinaryReader.TEST_FILE;
            assertArrayEquals(ARCHIVE.contents.get(i), Files.readAllBytes(folder.resolve(name)), name);
        }
        assertTrue(Files.isRegularFile(folder.resolve("readme.html")));
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
