package dev.quantlab.data;

import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks that a folder holds exactly the files a {@link DatasetSpec} expects: each present, of the expected size
 * and with the expected MD5. Sizes are checked for all files before any MD5 is computed, so a wrong or missing
 * file is reported quickly.
 */
public final class DatasetVerifier {
    private DatasetVerifier() { }

    /**
     * @throws DataFormatException naming the first file that is missing, of the wrong size or with the wrong MD5
     * @throws dev.quantlab.core.CancelledException when cancelled
     */
    public static void verify(Path folder, DatasetSpec spec, ProgressListener progress, CancellationToken cancel) {
        for (DatasetSpec.ExpectedFile f : spec.files()) {
            Path p = folder.resolve(f.name());
            if (!Files.isRegularFile(p)) {
                throw new DataFormatException(p, "missing");
            }
            long size = size(p);
            if (size != f.size()) {
                throw new DataFormatException(p, "has " + size + " bytes, expected " + f.size());
            }
        }
        ThrottledProgress report = new ThrottledProgress(progress);
        long total = spec.totalSize();
        long before = 0;
        for (DatasetSpec.ExpectedFile f : spec.files()) {
            Path p = folder.resolve(f.name());
            long base = before;
            String md5;
            try {
                md5 = FileMd5.of(p, cancel, n -> report.report(base + n, total, "checking " + f.name()));
            } catch (IOException e) {
                throw new DataFormatException(p, "cannot be read (" + e.getMessage() + ")");
            }
            if (!md5.equals(f.md5())) {
                throw new DataFormatException(p, "has MD5 " + md5 + ", expected " + f.md5()
                        + " (the file is damaged or not from the official release)");
            }
            before += f.size();
        }
        report.report(total, total, "checked " + spec.files().size() + " files");
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new DataFormatException(p, "cannot be read (" + e.getMessage() + ")");
        }
    }
}
