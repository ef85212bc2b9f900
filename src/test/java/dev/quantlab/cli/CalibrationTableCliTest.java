package dev.quantlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.CliRun;
import dev.quantlab.model.SafetensorsFile;
import dev.quantlab.model.TensorData;
import dev.quantlab.model.VggNet;
import dev.quantlab.testing.Cifar10;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code linear --calibration-table} in-process: its lesson row against a plain {@code linear} run. */
class CalibrationTableCliTest {
    @TempDir
    Path dir;



    private static String accuracy(String out, String regex) {
        Matcher m = Pattern.compile(regex + "(\\d+\\.\\d\\d)%").matcher(out);
        assertTrue(m.find(), regex + " in\n" + out);
        return m.group(1);
    }

    @Tag(Cifar10.TAG)
    @Test
    void tablePrintsEveryMethodAndItsLessonRowIsAPlainLinearRun() throws IOException {
        Path model = dir.resolve("vgg.safetensors");
        SafetensorsFile.write(model, VggNet.initialWeights(5), Map.of(), TensorData.DType.F32);
        String data = Cifar10.root().toString();
        CliRun.Result table = CliRun.inProcess("linear", "--model", model.toString(), "--data", data, "--calibration-table", "--widths", "W8A8",
                "--calibration-batch-size", "16", "--limit", "10");
        assertEquals(0, table.code(), table.err());
        CliRun.Result plain = CliRun.inProcess("linear", "--model", model.toString(), "--data", data, "--bits", "8",
                "--calibration-batch-size", "16", "--limit", "10", "--skip-fp32");
        assertEquals(0, plain.code(), plain.err());
        assertEquals(accuracy(plain.out(), "int8 model has accuracy="),
                accuracy(table.out(), "W8A8 min/max, first batch \\(the lesson\\): accuracy="));
        String[] lines = table.out().strip().split("\n");
        assertTrue(lines[lines.length - 6].matches("activation ranges\\s+W8A8"), table.out());
        for (String row : new String[] {"min/max, first batch", "moving-average", "percentile 99.99", "MSE", "entropy"}) {
            assertTrue(table.out().lines().anyMatch(l -> l.startsWith(row) && l.matches(".*\\d+\\.\\d\\d%$")),
                    row + " in\n" + table.out());
        }
    }

    @Test
    void badWidthsGetOneErrorLine() {
        CliRun.Result r = CliRun.inProcess("linear", "--calibration-table", "--widths", "8/8", "--model", "nope.safetensors");
        assertEquals(1, r.code(), r.out() + r.err());
        String[] lines = r.err().strip().split("\n");
        assertTrue(lines[lines.length - 1].startsWith("error: ") && lines[lines.length - 1].contains("W8A8"), r.err());
        assertTrue(r.err().lines().noneMatch(l -> l.strip().startsWith("at ")), r.err());
    }
}
