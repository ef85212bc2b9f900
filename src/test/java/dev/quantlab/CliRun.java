package dev.quantlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.quantlab.cli.QuantLabCommand;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Runs a CLI command, in this JVM or in a fresh one, and checks the invariant every loader test asserts: the
 * command either succeeds, or exits with code 1 after exactly one {@code error:} line, never with a stack trace,
 * within a time (and, in a subprocess, a heap) bound, and leaves the files that existed before unchanged.
 */
public final class CliRun {
    /** What a run printed and returned; {@code millis} is its wall-clock time. */
    public record Result(int code, String out, String err, long millis) {
        public List<String> errorLines() {
            return err.lines().filter(l -> l.startsWith("error:")).toList();
        }

        /** The one {@code error:} line (asserting there is exactly one and the exit code is 1). */
        public String error() {
            assertFailedCleanly();
            return errorLines().get(0);
        }

        /** Exit code 1, exactly one {@code error:} line, no stack trace or JVM error text. */
        public Result assertFailedCleanly() {
            assertEquals(1, code, "exit code; stderr:\n" + err + "\nstdout:\n" + tail(out));
            assertEquals(1, errorLines().size(), "exactly one error: line; stderr:\n" + err);
            assertNoTrace();
            return this;
        }

        /**
         * A run stopped by a signal: a non-zero exit code (a signalled JVM exits with 128 + the signal's number),
         * exactly one {@code error:} line, no stack trace.
         */
        public Result assertStoppedCleanly() {
            assertTrue(code != 0 && code != -1, "exit code " + code + "; stderr:\n" + err + "\nstdout:\n" + tail(out));
            assertEquals(1, errorLines().size(), "exactly one error: line; stderr:\n" + err);
            assertNoTrace();
            return this;
        }

        /** Either a success without any {@code error:} line or a clean failure. */
        public Result assertInvariant() {
            if (code == 0) {
                assertTrue(errorLines().isEmpty(), "exit 0 but an error: line; stderr:\n" + err);
                assertNoTrace();
            } else {
                assertFailedCleanly();
            }
            return this;
        }

        /** The invariant, plus the time bound. */
        public Result assertInvariant(Duration limit) {
            assertTrue(millis <= limit.toMillis(), "took " + millis + " ms, over " + limit);
            return assertInvariant();
        }

        private void assertNoTrace() {
            for (String stream : List.of(out, err)) {
                assertFalse(stream.lines().anyMatch(l -> l.matches("\\s+at [\\w.$<>/]+\\(.*\\)")
                        || l.startsWith("Exception in thread") || l.startsWith("Caused by:")
                        || l.contains("OutOfMemoryError") || l.contains("StackOverflowError")),
                        "stack trace or JVM error in output:\n" + stream);
            }
        }
    }

    private CliRun() { }

    /** Runs {@code quantlab args...} in this JVM, capturing what it prints. */
    public static Result inProcess(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long start = System.nanoTime();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = QuantLabCommand.execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                    (System.nanoTime() - start) / 1_000_000);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /**
     * Runs {@code quantlab args...} in a fresh JVM with at most {@code maxHeapMib} MiB of heap, killed after
     * {@code timeout} (then the result's code is -1). {@code env} adds or, with a null value, removes variables.
     */
    public static Result subprocess(Duration timeout, int maxHeapMib, Map<String, String> env, String... args) {
        return run(timeout, maxHeapMib, env, null, args);
    }

    /**
     * Like {@link #subprocess}, but sends the process SIGTERM (as {@code kill} does, i.e. as a Ctrl-C or a kill
     * would stop it) as soon as it prints a line to standard output that {@code stopAt} accepts. Not on Windows.
     */
    public static Result subprocessStoppedAt(Duration timeout, int maxHeapMib, Predicate<String> stopAt,
            String... args) {
        return run(timeout, maxHeapMib, Map.of(), stopAt, args);
    }

    private static Result run(Duration timeout, int maxHeapMib, Map<String, String> env, Predicate<String> stopAt,
            String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeapMib + "m", "-cp", System.getProperty("java.class.path"), "dev.quantlab.Main"));
        cmd.addAll(List.of(args));
        try {
            Path outFile = Files.createTempFile("quantlab-cli", ".out");
            Path errFile = Files.createTempFile("quantlab-cli", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(errFile.toFile());
                if (stopAt == null) {
                    pb.redirectOutput(outFile.toFile());
                }
                env.forEach((k, v) -> {
                    if (v == null) {
                        pb.environment().remove(k);
                    } else {
                        pb.environment().put(k, v);
                    }
                });
                long start = System.nanoTime();
                Process p = pb.start();
                AtomicBoolean timedOut = new AtomicBoolean();
                CompletableFuture<Void> watchdog = CompletableFuture.runAsync(() -> {
                    timedOut.set(p.isAlive());
                    p.destroyForcibly();
                }, CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS));
                String out = stopAt == null ? null : readStopping(p, stopAt);
                int code = p.waitFor();
                watchdog.cancel(false);
                return new Result(timedOut.get() ? -1 : code, out != null ? out : Files.readString(outFile),
                        Files.readString(errFile), (System.nanoTime() - start) / 1_000_000);
            } finally {
                Files.deleteIfExists(outFile);
                Files.deleteIfExists(errFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Everything {@code p} prints to standard output; SIGTERM to it after the first line {@code stopAt} takes. */
    private static String readStopping(Process p, Predicate<String> stopAt) throws IOException, InterruptedException {
        StringBuilder out = new StringBuilder();
        boolean sent = false;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                out.append(line).append('\n');
                if (!sent && stopAt.test(line)) {
                    sent = true;
                    int kill = new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
                    assertEquals(0, kill, "kill -TERM " + p.pid());
                }
            }
        }
        return out.toString();
    }

    /** Every file and folder under a folder, with each file's size, time and content hash. */
    public static final class Snapshot {
        private final Path root;
        private final Map<String, String> entries;

        private Snapshot(Path root, Map<String, String> entries) {
            this.root = root;
            this.entries = entries;
        }

        public static Snapshot of(Path root) {
            Map<String, String> entries = new TreeMap<>();
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    String key = root.relativize(p).toString();
                    entries.put(key, Files.isDirectory(p) ? "folder"
                            : Files.size(p) + " " + Files.getLastModifiedTime(p) + " "
                                    + (Files.size(p) <= (64 << 20) ? sha256(p) : "(large: size and time only)"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Snapshot(root, entries);
        }

        /** Every entry there before is still there, unchanged (new files are allowed). */
        public void assertNothingExistingChanged() {
            Map<String, String> now = of(root).entries;
            entries.forEach((k, v) -> {
                if (!v.equals(now.get(k))) {
                    fail(root.resolve(k) + " changed: was " + v + ", now " + now.get(k));
                }
            });
        }

        private static String sha256(Path p) throws IOException {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String tail(String s) {
        return s.length() <= 2000 ? s : "..." + s.substring(s.length() - 2000);
    }
}
