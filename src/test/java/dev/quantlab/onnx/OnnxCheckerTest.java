package dev.quantlab.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quantlab.model.ModelFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exported fp32 graph passes {@code onnx.checker.check_model} through scripts/check-onnx.py. */
class OnnxCheckerTest {
    @TempDir
    Path dir;

    private static String pythonWithOnnx() throws Exception {
        for (String python : new String[] {"/usr/bin/python3", "python3"}) {
            try {
                Process p = new ProcessBuilder(python, "-c", "import onnx").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor() == 0) {
                    return python;
                }
            } catch (java.io.IOException e) {
                // not installed under this name
            }
        }
        return null;
    }

    @Test
    void fp32ExportPassesTheOnnxChecker() throws Exception {
        String python = pythonWithOnnx();
        assumeTrue(python != null, "python3 with the onnx package (Debian: python3-onnx) not found");
        Path file = dir.resolve("fp32.onnx");
        OnnxExport.write(OnnxExport.fp32(ModelFiles.load(Path.of(ModelFiles.SHIPPED)), true), file);
        Process p = new ProcessBuilder(python, "scripts/check-onnx.py", file.toString()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        assertEquals(true, out.startsWith("ok "), out);
        assertEquals(true, Files.size(file) > 30_000_000, "35 MiB of fp32 weights");
    }
}
