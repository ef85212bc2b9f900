package dev.quantlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.cli.DownloadCommand;
import dev.quantlab.core.UserFacingException;
import dev.quantlab.testing.Cifar10;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code quantlab download}: a no-op on the shared copy, and a clear error for a damaged mirror download. */
class DownloadCommandTest {
    @TempDir
    Path tmp;

    @Tag(Cifar10.TAG)
    @Test
    void existingDataIsOnlyCheckedAndItsPlaceIsPrinted() {
        Run run = run("--data", Cifar10.root().toString());
        assertEquals(0, run.exitCode, run.err);
        assertTrue(run.out.contains("already in " + Cifar10.binFolder().toAbsolutePath()), run.out);
        // the hint is printed only when other commands would not find the data without --data
        boolean foundWithoutFlags = DataLocator.readRoot(null).toAbsolutePath().normalize()
                .equals(Cifar10.root().toAbsolutePath().normalize());
        assertEquals(!foundWithoutFlags, run.out.contains("--data " + Cifar10.root()), run.out);
    }

    @Test
    void mirrorWithWrongMd5IsReported() throws IOException {
        TinyArchive archive = new TinyArchive();
        try (ArchiveServer server = new ArchiveServer(archive.bytes, true)) {
            Run run = run("--data", tmp.toString(), "--url", server.uri().toString());
            assertEquals(1, run.exitCode);
            assertTrue(run.err.contains(DatasetSpec.CIFAR10_BINARY_MD5) && run.err.contains(TinyArchive.md5(archive.bytes)),
                    run.err);
        }
    }

    /** What one command run printed and returned. */
    private record Run(int exitCode, String out, String err) { }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new DownloadCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof UserFacingException) {
                cmd.getErr().println("error: " + ex.getMessage());
                return 1;
            }
            throw ex;
        });
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
