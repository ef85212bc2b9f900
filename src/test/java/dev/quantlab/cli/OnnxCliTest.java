package dev.quantlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User errors of the ONNX-related options: one {@code error:} line, exit code 1, nothing written. */
class OnnxCliTest {
    @TempDir
    Path dir;



    private static void assertOneLineError(CliRun.Result r, String expected) {
        assertEquals(1, r.code(), r.out() + r.err());
        String[] lines = r.err().strip().split("\n");
        assertTrue(lines[lines.length - 1].startsWith("error: ") && lines[lines.length - 1].contains(expected),
                r.err());
        assertTrue(r.err().lines().noneMatch(l -> l.strip().startsWith("at ")), r.err());
    }

    @Test
    void badEngineAndExportCombinationsAreRefusedInOneLine() {
        assertOneLineError(CliRun.inProcess("eval", "--engine", "tensorrt"), "unknown engine 'tensorrt' (onnxruntime, libtorch)");
        Path out = dir.resolve("x.onnx");
        assertOneLineError(CliRun.inProcess("export-onnx", "--lesson-rounding", out.toString()),
                "--per-tensor, --fixed-point and --lesson-rounding apply to --int8 only");
        assertOneLineError(CliRun.inProcess("export-onnx", "--int8", "--fixed-point", "--lesson-rounding", out.toString()),
                "--lesson-rounding applies to the float multiplier, not --fixed-point");
        assertFalse(Files.exists(out));
    }
}
