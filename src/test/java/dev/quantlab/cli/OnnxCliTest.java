package dev.quantlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User errors of the ONNX-related options: one {@code error:} line, exit code 1, nothing written. */
class OnnxCliTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) { }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = QuantLabCommand.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static void assertOneLineError(Run r, String expected) {
        assertEquals(1, r.code(), r.out() + r.err());
        String[] lines = r.err().strip().split("\n");
        assertTrue(lines[lines.length - 1].startsWith("error: ") && lines[lines.length - 1].contains(expected),
                r.err());
        assertTrue(r.err().lines().noneMatch(l -> l.strip().startsWith("at ")), r.err());
    }

    @Test
    void badEngineAndExportCombinationsAreRefusedInOneLine() {
        assertOneLineError(run("eval", "--engine", "tensorrt"), "unknown engine 'tensorrt' (onnxruntime, libtorch)");
        Path out = dir.resolve("x.onnx");
        assertOneLineError(run("export-onnx", "--lesson-rounding", out.toString()),
                "--per-tensor, --fixed-point and --lesson-rounding apply to --int8 only");
        assertOneLineError(run("export-onnx", "--int8", "--fixed-point", "--lesson-rounding", out.toString()),
                "--lesson-rounding applies to the float multiplier, not --fixed-point");
        assertFalse(Files.exists(out));
    }
}
