package dev.quantlab.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP server (127.0.0.1, free port) serving one file, with or without Range support, that can misbehave on
 * its first request: drop the connection after some bytes, stall, or answer with an error status.
 */
final class ArchiveServer implements AutoCloseable {
    private final byte[] body;
    private final boolean ranges;
    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "archive-server");
        t.setDaemon(true);
        return t;
    });
    private final List<String> rangeHeaders = Collections.synchronizedList(new ArrayList<>());
    private volatile int dropFirstAfter = -1;
    private volatile int stallFirstAfter = -1;
    private volatile int status = 200;

    ArchiveServer(byte[] body, boolean ranges) throws IOException {
        this.body = body;
        this.ranges = ranges;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/files/cifar-10-binary.tar.gz");
    }

    /** The first request sends only {@code bytes} bytes of its body, then the connection is closed. */
    ArchiveServer dropFirstRequestAfter(int bytes) {
        dropFirstAfter = bytes;
        return this;
    }

    /** The first request sends {@code bytes} bytes of its body, then stalls (sends nothing more). */
    ArchiveServer stallFirstRequestAfter(int bytes) {
        stallFirstAfter = bytes;
        return this;
    }

    /** Every request is answered with this status and no body. */
    ArchiveServer answerWith(int httpStatus) {
        status = httpStatus;
        return this;
    }

    /** The Range header of each request so far ({@code "-"} when there was none). */
    List<String> rangeHeaders() {
        synchronized (rangeHeaders) {
            return List.copyOf(rangeHeaders);
        }
    }

    int requests() {
        return rangeHeaders().size();
    }

    private void handle(HttpExchange ex) throws IOException {
        String range = ex.getRequestHeaders().getFirst("Range");
        int index;
        synchronized (rangeHeaders) {
            index = rangeHeaders.size();
            rangeHeaders.add(range == null ? "-" : range);
        }
        try {
            if (status != 200) {
                ex.sendResponseHeaders(status, -1);
                return;
            }
            int start = 0;
            if (ranges && range != null && range.startsWith("bytes=") && range.endsWith("-")) {
                start = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
                if (start >= body.length) {
                    ex.getResponseHeaders().set("Content-Range", "bytes */" + body.length);
                    ex.sendResponseHeaders(416, -1);
                    return;
                }
                ex.getResponseHeaders().set("Content-Range",
                        "bytes " + start + "-" + (body.length - 1) + "/" + body.length);
                ex.sendResponseHeaders(206, body.length - start);
            } else {
                ex.sendResponseHeaders(200, body.length);
            }
            OutputStream out = ex.getResponseBody();
            int limit = body.length - start;
            if (index == 0 && dropFirstAfter >= 0) {
                out.write(body, start, Math.min(limit, dropFirstAfter));
                out.flush();
                return; // closing with bytes missing drops the connection
            }
            if (index == 0 && stallFirstAfter >= 0) {
                out.write(body, start, Math.min(limit, stallFirstAfter));
                out.flush();
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            out.write(body, start, limit);
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
