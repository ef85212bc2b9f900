package dev.quantlab.data;

import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.core.UserFacingException;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Unpacks a {@code .tar.gz} archive into a folder: directories and regular files only (links and special entries
 * are skipped), and no entry may point outside the folder. Progress is reported in compressed bytes read.
 */
final class TarGzExtractor {
    private static final int BUFFER = 1 << 16;

    private TarGzExtractor() { }

    /**
     * @throws DataFormatException when the archive is not a readable tar.gz or holds an unsafe entry name
     * @throws UserFacingException when the folder cannot be written (for example a full disk)
     * @throws dev.quantlab.core.CancelledException when cancelled
     */
    static void extract(Path archive, Path dest, ProgressListener progress, CancellationToken cancel) {
        ThrottledProgress report = new ThrottledProgress(progress);
        Path root = dest.toAbsolutePath().normalize();
        long total = sizeOf(archive);
        try (CountingStream counted = new CountingStream(Files.newInputStream(archive));
                InputStream gz = new GZIPInputStream(new BufferedInputStream(counted, BUFFER), BUFFER)) {
            TarReader tar = new TarReader(gz);
            byte[] buf = new byte[BUFFER];
            TarReader.Entry entry;
            while ((entry = nextEntry(tar, archive)) != null) {
                cancel.throwIfCancelled();
                String name = entry.name();
                Path target = root.resolve(name).normalize();
                if (!target.startsWith(root) || target.equals(root) && !entry.isDirectory()) {
                    throw new DataFormatException(archive, "holds an entry that points outside its folder: "
                            + name);
                }
                if (entry.isDirectory()) {
                    createDirectories(target);
                } else if (entry.isFile()) {
                    createDirectories(target.getParent());
                    copyEntry(tar, archive, target, buf, () -> {
                        cancel.throwIfCancelled();
                        report.report(counted.count, total, "extracting " + name);
                    });
                }
                report.report(counted.count, total, "extracting " + name);
            }
            report.report(total, total, "extracted " + archive.getFileName());
        } catch (IOException e) {
            throw new DataFormatException(archive, "is not a readable tar.gz archive ("
                    + ResumableDownload.describe(e) + ")");
        }
    }

    private static TarReader.Entry nextEntry(TarReader tar, Path archive) {
        try {
            return tar.next();
        } catch (IOException e) {
            throw new DataFormatException(archive, "is not a valid tar.gz archive ("
                    + ResumableDownload.describe(e) + ")");
        }
    }

    private static void copyEntry(TarReader tar, Path archive, Path target, byte[] buf, Runnable afterChunk) {
        try (OutputStream out = Files.newOutputStream(target)) {
            while (true) {
                int n;
                try {
                    n = tar.read(buf, 0, buf.length);
                } catch (IOException e) {
                    throw new DataFormatException(archive, "is damaged (" + ResumableDownload.describe(e) + ")");
                }
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
                afterChunk.run();
            }
        } catch (IOException e) {
            throw new UserFacingException("Cannot write " + target + " (" + ResumableDownload.describe(e)
                    + "). Is the disk full? Free some space and run the download again.", e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserFacingException("Cannot create folder " + dir + " (" + ResumableDownload.describe(e) + ")",
                    e);
        }
    }

    private static long sizeOf(Path archive) {
        try {
            return Files.size(archive);
        } catch (IOException e) {
            throw new DataFormatException(archive, "cannot be read (" + ResumableDownload.describe(e) + ")");
        }
    }

    /** Counts the bytes read through it. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
