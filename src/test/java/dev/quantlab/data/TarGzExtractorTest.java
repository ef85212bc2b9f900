package dev.quantlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.CancelledException;
import dev.quantlab.core.ProgressListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking: files land in place (long names too), links are skipped, unsafe names and non-archives are refused. */
class TarGzExtractorTest {
    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    @Test
    void unpacksFilesAndFoldersAndSkipsLinks() throws IOException {
        Path archive = write(new TarGzWriter().dir("a").file("a/b.txt", HELLO).symlink("a/link", "/etc/passwd")
                .file("a/empty", new byte[0]));
        Path dest = Files.createDirectories(tmp.resolve("out"));

        TarGzExtractor.extract(archive, dest, ProgressListener.NONE, new CancellationToken());

        assertArrayEquals(HELLO, Files.readAllBytes(dest.resolve("a/b.txt")));
        assertArrayEquals(new byte[0], Files.readAllBytes(dest.resolve("a/empty")));
        assertFalse(Files.exists(dest.resolve("a/link"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void longNamesFromGnuAndPaxHeadersAreUsed() throws IOException {
        String longDir = "d".repeat(120);
        byte[] big = new byte[70_000];
        Arrays.fill(big, (byte) 7);
        Path archive = write(new TarGzWriter().gnuLongNameFile(longDir + "/gnu.bin", big)
                .paxNameFile(longDir + "/pax.txt", HELLO));
        Path dest = Files.createDirectories(tmp.resolve("out"));

        TarGzExtractor.extract(archive, dest, ProgressListener.NONE, new CancellationToken());

        assertArrayEquals(big, Files.readAllBytes(dest.resolve(longDir).resolve("gnu.bin")));
        assertArrayEquals(HELLO, Files.readAllBytes(dest.resolve(longDir).resolve("pax.txt")));
    }

    @Test
    void entryLeavingTheFolderIsRefused() throws IOException {
        Path archive = write(new TarGzWriter().file("../evil.txt", HELLO));
        Path dest = Files.createDirectories(tmp.resolve("out"));

        DataFormatException e = assertThrows(DataFormatException.class,
                () -> TarGzExtractor.extract(archive, dest, ProgressListener.NONE, new CancellationToken()));

        assertTrue(e.getMessage().contains("../evil.txt"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("evil.txt")));
    }

    @Test
    void nonArchiveIsReportedWithItsName() throws IOException {
        Path archive = Files.writeString(tmp.resolve("x.tar.gz"), "<html>not found</html>");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> TarGzExtractor.extract(archive, tmp, ProgressListener.NONE, new CancellationToken()));
        assertTrue(e.getMessage().contains(archive.toString()) && e.getMessage().contains("tar.gz"), e.getMessage());
    }

    @Test
    void gzipOfSomethingElseIsNotATar() throws IOException {
        TarGzWriter none = new TarGzWriter();
        byte[] gz = none.toGzip();
        Path empty = Files.write(tmp.resolve("empty.tar.gz"), gz);
        TarGzExtractor.extract(empty, tmp, ProgressListener.NONE, new CancellationToken()); // empty archive is fine

        byte[] text = new byte[1024];
        Arrays.fill(text, (byte) 'x');
        Path notTar = Files.write(tmp.resolve("x.tar.gz"), gzip(text));
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> TarGzExtractor.extract(notTar, tmp, ProgressListener.NONE, new CancellationToken()));
        assertTrue(e.getMessage().contains("not a valid tar.gz archive"), e.getMessage());
    }

    @Test
    void truncatedArchiveIsReported() throws IOException {
        byte[] big = new byte[100_000];
        new java.util.Random(1).nextBytes(big);
        byte[] gz = new TarGzWriter().file("big.bin", big).toGzip();
        Path archive = Files.write(tmp.resolve("cut.tar.gz"), Arrays.copyOf(gz, gz.length / 2));
        Path dest = Files.createDirectories(tmp.resolve("out"));
        assertThrows(DataFormatException.class,
                () -> TarGzExtractor.extract(archive, dest, ProgressListener.NONE, new CancellationToken()));
    }

    @Test
    void cancellationStopsUnpacking() throws IOException {
        Path archive = write(new TarGzWriter().file("a.txt", HELLO));
        CancellationToken cancel = new CancellationToken();
        cancel.cancel();
        assertThrows(CancelledException.class,
                () -> TarGzExtractor.extract(archive, tmp.resolve("out"), ProgressListener.NONE, cancel));
    }

    private Path write(TarGzWriter tar) throws IOException {
        return Files.write(tmp.resolve("test.tar.gz"), tar.toGzip());
    }

    private static byte[] gzip(byte[] data) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
