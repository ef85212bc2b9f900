package dev.quantlab.cli;

import dev.quantlab.core.ProgressListener;
import dev.quantlab.data.CifarDownloader;
import dev.quantlab.data.DataLocator;
import dev.quantlab.data.DatasetSpec;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quantlab download [--data DIR]}: downloads the CIFAR-10 binary version (about 163 MiB) into the data folder,
 * checks it, and prints where it is. Interrupted downloads resume; running it again when the data is there only
 * checks it. Ctrl-C stops cleanly, keeping what was downloaded.
 */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = {"Download CIFAR-10 (binary version, about 163 MiB) into the data folder and check it.",
                "An interrupted download resumes where it stopped; if the data is already there it is only checked."})
public final class DownloadCommand implements Runnable {
    @Mixin
    DataOption data;

    @Option(names = "--url", paramLabel = "URL",
            description = "Download cifar-10-binary.tar.gz from this mirror instead of the authors' site.")
    URI url;

    @Option(names = "--md5", paramLabel = "MD5",
            description = "Expected MD5 of the archive (default: the official one, ${DEFAULT-VALUE}).",
            defaultValue = DatasetSpec.CIFAR10_BINARY_MD5)
    String md5;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Path root = data.downloadRoot();
        PrintWriter out = spec.commandLine().getOut();
        CifarDownloader downloader = url == null && DatasetSpec.CIFAR10_BINARY_MD5.equals(md5) ? new CifarDownloader()
                : new CifarDownloader(url == null ? DatasetSpec.CIFAR10_BINARY_URL : url, md5);
        out.println("Data folder: " + root.toAbsolutePath());
        out.flush();
        CifarDownloader.Result result;
        try (StopOnExit stop = new StopOnExit("quantlab-download-stop", 5)) {
            result = downloader.download(root, new ProgressLine(System.err, System.console() != null), stop.token());
        }
        Path folder = result.folder().toAbsolutePath();
        out.println(result.downloaded() ? "CIFAR-10 is ready in " + folder
                : "CIFAR-10 is already in " + folder + " (checked, nothing downloaded).");
        Path usual = DataLocator.readRoot(null).toAbsolutePath().normalize();
        if (!usual.equals(root.toAbsolutePath().normalize())) {
            out.println("Other commands find it with --data " + root + " (or set QUANTLAB_DATA=" + root + ").");
        }
        out.flush();
    }

    /**
     * One updating progress line per phase on a terminal ({@code \r}), and only each finished phase otherwise
     * (so logs stay short).
     */
    static final class ProgressLine implements ProgressListener {
        private static final long MIN_INTERVAL_NANOS = 100_000_000L;
        private static final int WIDTH = 72;

        private final PrintStream err;
        private final boolean terminal;
        private long lastPrint;

        ProgressLine(PrintStream err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public void onProgress(long done, long total, String message) {
            boolean end = total >= 0 && done >= total;
            long now = System.nanoTime();
            if (!end && (!terminal || now - lastPrint < MIN_INTERVAL_NANOS)) {
                return;
            }
            lastPrint = now;
            String text = total > 0 ? String.format(Locale.ROOT, "%s  %3d%%", message, Math.min(100, done * 100 / total))
                    : message;
            if (terminal) {
                err.print("\r" + pad(text) + (end ? "\n" : ""));
            } else {
                err.println(text);
            }
            err.flush();
        }

        private static String pad(String s) {
            return s.length() >= WIDTH ? s : s + " ".repeat(WIDTH - s.length());
        }
    }
}
