package dev.quantlab.data;

import dev.quantlab.core.CancellationToken;
import dev.quantlab.core.CancelledException;
import dev.quantlab.core.ProgressListener;
import dev.quantlab.core.UserFacingException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads one URL into a partial file. When the file already holds a prefix, it asks for the rest with an HTTP
 * {@code Range} request and appends; a server that ignores ranges gets the download started over. The partial
 * file only ever holds a clean prefix of the remote file: bytes are appended in order as they arrive and a failed
 * write is cut back to the last complete one, so it is safe to resume from after a dropped connection, a
 * cancellation or a full disk. A dropped connection that had delivered data is resumed automatically a few times.
 */
final class ResumableDownload {
    private static final int BUFFER = 1 << 16;
    private static final long POLL_MS = 100;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(?:(\\d+)-(\\d+)|\\*)/(\\d+|\\*)");

    private final HttpClient client;
    private final DownloadSettings settings;

    ResumableDownload(HttpClient client, DownloadSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** A failure of the network (not of the server's answer or of the disk); the partial file is intact. */
    private static final class NetworkFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NetworkFailure(String reason) {
            super(reason);
        }
    }

    /**
     * Downloads {@code url} into {@code part}, continuing from what {@code part} already holds.
     *
     * @return the length of the complete download
     * @throws UserFacingException for a network failure, an HTTP error status or a write failure
     * @throws CancelledException when cancelled; {@code part} then holds a resumable prefix
     */
    long fetch(URI url, Path part, ProgressListener progress, CancellationToken cancel) {
        ThrottledProgress report = new ThrottledProgress(progress);
        int attempts = 0;
        while (true) {
            cancel.throwIfCancelled();
            long before = lengthOf(part);
            attempts++;
            try {
                long done = attempt(url, part, report, cancel);
                if (done >= 0) {
                    return done;
                }
                attempts--; // the server refused the resume; starting over is not a failed attempt
            } catch (NetworkFailure e) {
                if (cancel.isCancelled()) {
                    throw new CancelledException();
                }
                long after = lengthOf(part);
                if (after <= before || attempts >= settings.maxAttempts()) {
                    throw networkError(url, part, after, e.getMessage());
                }
                pause(cancel);
            }
        }
    }

    /** One request; returns the complete length, or -1 when the partial file was dropped and must be started over. */
    private long attempt(URI url, Path part, ThrottledProgress report, CancellationToken cancel) {
        long offset = lengthOf(part);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(settings.responseTimeout()).GET();
        if (offset > 0) {
            request.header("Range", "bytes=" + offset + "-");
        }
        HttpResponse<InputStream> response = send(request.build(), cancel);
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            String contentRange = response.headers().firstValue("Content-Range").orElse(null);
            if (offset > 0 && status == 206) {
                long[] range = parseContentRange(contentRange);
                if (range == null || range[0] != offset) {
                    deletePart(part);
                    return -1;
                }
                return copy(body, part, offset, range[2], report, cancel);
            }
            if (offset > 0 && status == 416) {
                long[] range = parseContentRange(contentRange);
                if (range != null && range[2] == offset) {
                    report.report(offset, offset, message(offset, offset));
                    return offset; // the earlier run had already received everything
                }
                deletePart(part);
                return -1;
            }
            if (status == 200) {
                long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                return copy(body, part, 0, total, report, cancel);
            }
            throw new UserFacingException(httpError(status, url));
        } catch (IOException e) {
            throw new NetworkFailure(describe(e)); // closing the body failed
        }
    }

    private HttpResponse<InputStream> send(HttpRequest request, CancellationToken cancel) {
        CompletableFuture<HttpResponse<InputStream>> future;
        try {
            future = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("Cannot download from " + request.uri() + ": " + e.getMessage());
        }
        while (true) {
            try {
                return future.get(POLL_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (cancel.isCancelled()) {
                    future.cancel(true);
                    throw new CancelledException();
                }
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw new CancelledException();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException) {
                    throw new NetworkFailure(describe(cause));
                }
                if (cause instanceof IllegalArgumentException) {
                    throw new UserFacingException("Cannot download from " + request.uri() + ": "
                            + cause.getMessage());
                }
                throw new IllegalStateException("download failed unexpectedly", cause);
            }
        }
    }

    /** Writes the body into {@code part} from {@code start}; returns the complete length. */
    private long copy(InputStream body, Path part, long start, long total, ThrottledProgress report,
            CancellationToken cancel) {
        long committed = start;
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                BodyWatchdog watchdog = new BodyWatchdog(body, cancel, settings.stallTimeout())) {
            out.truncate(start);
            out.position(start);
            report.report(committed, total, message(committed, total));
            byte[] buf = new byte[BUFFER];
            while (true) {
                cancel.throwIfCancelled();
                int n;
                try {
                    n = body.read(buf);
                } catch (IOException e) {
                    throw new NetworkFailure(watchdog.stalled() ? "no data arrived for "
                            + settings.stallTimeout().toSeconds() + " s" : describe(e));
                }
                if (n < 0) {
                    break;
                }
                watchdog.dataArrived();
                try {
                    ByteBuffer chunk = ByteBuffer.wrap(buf, 0, n);
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                } catch (IOException e) {
                    throw writeError(part, e, cutBack(out, part, committed));
                }
                committed += n;
                report.report(committed, total, message(committed, total));
            }
        } catch (IOException e) {
            throw writeError(part, e, lengthOf(part));
        }
        if (total >= 0 && committed != total) {
            throw new NetworkFailure("the connection ended after " + committed + " of " + total + " bytes");
        }
        return committed;
    }

    /** Cuts the partial file back to its last complete write; deletes it if that fails. Returns what is kept. */
    private static long cutBack(FileChannel out, Path part, long committed) {
        try {
            out.truncate(committed);
            return committed;
        } catch (IOException e) {
            try {
                out.close();
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // nothing more can be done; the MD5 check will catch a damaged file
            }
            return 0;
        }
    }

    private void pause(CancellationToken cancel) {
        long until = System.nanoTime() + settings.retryDelay().toNanos();
        while (System.nanoTime() < until) {
            cancel.throwIfCancelled();
            try {
                Thread.sleep(Math.max(1, Math.min(POLL_MS, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }
    }

    /** {start, end, total} from a Content-Range header; start/end are -1 for {@code bytes * /N}, total -1 for *. */
    static long[] parseContentRange(String header) {
        if (header == null) {
            return null;
        }
        Matcher m = CONTENT_RANGE.matcher(header.trim());
        if (!m.matches()) {
            return null;
        }
        long start = m.group(1) == null ? -1 : Long.parseLong(m.group(1));
        long end = m.group(2) == null ? -1 : Long.parseLong(m.group(2));
        long total = "*".equals(m.group(3)) ? -1 : Long.parseLong(m.group(3));
        return new long[] {start, end, total};
    }

    private static void deletePart(Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            throw new UserFacingException("Cannot delete the partial download " + part + " (" + describe(e)
                    + "); delete it by hand and run the download again.", e);
        }
    }

    static long lengthOf(Path part) {
        try {
            return Files.isRegularFile(part) ? Files.size(part) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String message(long done, long total) {
        return total >= 0 ? "downloading " + mib(done) + " of " + mib(total) : "downloading " + mib(done);
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    private static UserFacingException networkError(URI url, Path part, long kept, String reason) {
        String resume = kept > 0 ? " The " + mib(kept) + " received so far are kept in " + part
                + " and the download will resume from there." : "";
        return new UserFacingException("Network error while downloading " + url + ": " + reason
                + ". Check the internet connection and run the download again." + resume);
    }

    private static UserFacingException writeError(Path part, IOException e, long kept) {
        String resume = kept > 0 ? " The " + mib(kept) + " downloaded so far are kept and the download will resume."
                : "";
        return new UserFacingException("Cannot write the download to " + part + " (" + describe(e)
                + "). Is the disk full? Free some space and run the download again." + resume, e);
    }

    private static String httpError(int status, URI url) {
        String hint = status == 404 || status == 410 ? " The file is not at that address (any more)."
                : status >= 500 ? " The server has a problem; try again later." : "";
        return "Download failed: the server answered HTTP " + status + " for " + url + "." + hint;
    }

    /** A short reason for an exception: its message, or its kind when it has none (or only a host name). */
    static String describe(Throwable e) {
        String m = e.getMessage();
        if (e instanceof UnknownHostException) {
            return "unknown host " + m;
        }
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
