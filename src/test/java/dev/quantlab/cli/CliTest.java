package dev.quantlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.model.ModelFiles;
import dev.quantlab.model.ModelSize;
import dev.quantlab.model.SafetensorsFile;
import dev.quantlab.model.TensorData;
import dev.quantlab.model.VggNet;
import dev.quantlab.model.pth.PthImporter;
import dev.quantlab.results.Method;
import dev.quantlab.results.ResultsJson;
import dev.quantlab.results.RunRecord;
import dev.quantlab.testing.Cifar10;
import dev.quantlab.testing.ThirdPartyFixtures;
import dev.quantlab.train.Checkpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs CLI commands in-process and checks what they print. */
class CliTest {
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

    private Path randomModel() throws IOException {
        Path f = dir.resolve("vgg.safetensors");
        SafetensorsFile.write(f, VggNet.initialWeights(8), Map.of(), TensorData.DType.F32);
        return f;
    }

    @Test
    void infoPrintsParameterCountAndTheLessonsSize() {
        Run r = run("info", "--no-weights");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("parameters: 9,228,362"), r.out());
        assertTrue(r.out().contains("size at 32 bits = 35.20 MiB"), r.out());
    }

    @Tag(Cifar10.TAG)
    @Test
    void evalPrintsTheLessonsLines() throws IOException {
        Run r = run("eval", "--model", randomModel().toString(), "--data", Cifar10.root().toString(), "--limit", "20");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].matches("fp32 model has accuracy=\\d+\\.\\d\\d%"), lines[0]);
        assertEquals("fp32 model has size=35.20 MiB", lines[1]);
    }

    @Tag(Cifar10.TAG)
    @Test
    void linearPrintsTheLessonsLinesAndTheIntegerRunsSpeed() throws IOException {
        Run r = run("linear", "--model", randomModel().toString(), "--data", Cifar10.root().toString(), "--bits", "8",
                "--weight-bits", "4", "--fixed-point", "--calibration-batch-size", "16", "--limit", "10", "--skip-fp32");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].matches("w4a8 model has accuracy=\\d+\\.\\d\\d%"), lines[0]);
        assertEquals("w4a8 model has size=4.40 MiB (lesson's rule: parameters x 4 bits; fp32: 35.20 MiB)", lines[1]);
        assertTrue(lines[2].matches("integer weights and int32 biases as stored: 4\\.4\\d MiB"), lines[2]);
        assertTrue(lines[3].matches("w4a8 model ran 10 test images in \\d+\\.\\d min \\(\\d+\\.\\d img/s; per-channel "
                + "weights, fixed-point requantization, activation ranges from 16 training images\\)"), lines[3]);
    }

    /** A failed run: exit code 1 and one "error: ..." line that contains {@code expected}, no stack trace. */
    private static void assertOneLineError(Run r, String expected) {
        assertEquals(1, r.code(), r.out() + r.err());
        String[] lines = r.err().strip().split("\n");
        String last = lines[lines.length - 1];
        assertTrue(last.startsWith("error: ") && last.contains(expected), r.err());
        assertTrue(r.err().lines().noneMatch(l -> l.strip().startsWith("at ")), r.err());
    }

    @Tag(Cifar10.TAG)
    @Test
    void badValuesGetOneLineMessages() throws IOException {
        String model = randomModel().toString();
        String data = Cifar10.root().toString();
        assertOneLineError(run("eval", "--model", model, "--data", data, "--limit", "-5"),
                "image limit must be 0 (all images) or positive, got -5");
        assertOneLineError(run("train", "--data", data, "--out", dir.resolve("run").toString(), "--momentum", "NaN"),
                "momentum must be in [0,1), got NaN");
        assertOneLineError(run("train", "--data", data, "--out", dir.resolve("run").toString(), "--eval-limit", "-1"),
                "image limits must be 0 (all images) or positive");
        assertOneLineError(run("kmeans", "--model", model, "--data", data, "--bits", "8", "--bn-recalibrate", "1",
                "--limit", "10"), "BatchNorm re-estimation needs 0 (off) or at least 2 images, got 1");
        assertOneLineError(run("kmeans", "--model", model, "--data", data, "--bits", "8", "--qat", "--threshold", "NaN",
                "--limit", "10"), "accuracy-drop threshold must be >= 0, got NaN");
    }

    @Test
    void unreadableAndUnwritableFilesGetOneLineMessages() throws IOException {
        Path missing = dir.resolve("missing.csv");
        assertOneLineError(run("plot-training", missing.toString(), dir.resolve("o.png").toString()), missing.toString());
        Path headerOnly = dir.resolve("empty.csv");
        Files.writeString(headerOnly, "epoch,train_loss,train_acc,test_acc,lr,img_per_s,epoch_s,wall_s\n");
        assertOneLineError(run("plot-training", headerOnly.toString(), dir.resolve("o.png").toString()),
                "holds no finished epoch yet");
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "epoch,train_loss,train_acc,test_acc\n0,1.5,40.0,45.0\n1,oops\n");
        assertOneLineError(run("plot-training", broken.toString(), dir.resolve("o.png").toString()),
                "line 3 is not a training-log row");

        Path model = randomModel();
        assertOneLineError(run("compact-checkpoint", model.toString(), dir.resolve("c.safetensors").toString()),
                "is not a training checkpoint");
        Path damaged = dir.resolve("damaged.safetensors");
        SafetensorsFile.write(damaged, VggNet.initialWeights(1), Map.of(Checkpoint.KIND_KEY, Checkpoint.KIND, "epoch", "3"),
                TensorData.DType.F16);
        assertOneLineError(run("compact-checkpoint", damaged.toString(), dir.resolve("c.safetensors").toString()),
                "Training checkpoint " + damaged + " has damaged training state");
    }

    @Tag(Cifar10.TAG)
    @Test
    void kmeansSavesEachQuantizedModelPackedAndEvalLoadsItBack() throws IOException {
        Path out = dir.resolve("saved");
        String model = randomModel().toString();
        Run r = run("kmeans", "--model", model, "--data", Cifar10.root().toString(), "--bits", "2",
                "--limit", "10", "--save", out.toString());
        assertEquals(0, r.code(), r.err());
        Path file = out.resolve("kmeans-2bit.safetensors");
        assertTrue(r.out().contains("    saved " + file + ": " + Files.size(file) + " bytes on disk"), r.out());
        // about 2.2 MiB, not 35 MiB: packed 2-bit indices + codebooks + fp32 BN/bias/running statistics + header
        assertTrue(Files.size(file) < 2.3 * (1 << 20) && Files.size(file) > 2.1 * (1 << 20), Files.size(file) + " bytes");
        float[] conv0 = ModelFiles.load(file).get("backbone.conv0.weight").values();
        long distinct = IntStream.range(0, conv0.length).mapToObj(i -> conv0[i]).distinct().count();
        assertTrue(distinct <= 4 && distinct > 1, distinct + " distinct weights in the 2-bit conv0");
        String accuracy = r.out().lines().filter(l -> l.startsWith("2-bit")).findFirst().orElseThrow().trim()
                .split("\\s+")[5];
        Path results = dir.resolve("results.json");
        Run e = run("eval", "--model", file.toString(), "--data", Cifar10.root().toString(), "--limit", "10",
                "--record", results.toString());
        assertEquals(0, e.code(), e.err());
        // named as the k-means model it is, with the sizes the kmeans run printed, not as a 35.20 MiB fp32 model
        List<String> lines = e.out().lines().toList();
        assertEquals("k-means 2-bit model has accuracy=" + accuracy, lines.get(0));
        String sizes = r.out().lines().filter(l -> l.startsWith("2-bit")).findFirst().orElseThrow().trim();
        String[] cells = sizes.split("\\s+");
        assertEquals("k-means 2-bit model has size=" + cells[1] + " MiB (lesson's rule; honest size " + cells[3]
                + " MiB, file on disk " + String.format(java.util.Locale.ROOT, "%,d", Files.size(file)) + " bytes ("
                + ModelSize.formatMib((double) Files.size(file) / ModelSize.MIB) + "))", lines.get(1));
        RunRecord recorded = ResultsJson.read(Files.readString(results)).runs().get(0);
        assertEquals(Method.KMEANS, recorded.method());
        assertEquals(2, recorded.weightBits());
        assertEquals(Double.parseDouble(cells[1]), recorded.lessonMib(), 0.005);
        assertEquals(Double.parseDouble(cells[3]), recorded.storedMib(), 0.005);
        assertEquals("packed file=kmeans-2bit.safetensors", recorded.note());
        Run info = run("info", "--model", file.toString());
        assertEquals(0, info.code(), info.err());
        assertTrue(info.out().startsWith("model: " + file + " (packed k-means 2-bit file, "
                + String.format(java.util.Locale.ROOT, "%,d", Files.size(file)) + " bytes"), info.out());
    }

    @Tag(Cifar10.TAG)
    @Test
    void recordKeepsEachMeasuredRunOnceInAResultsFile() throws IOException {
        String model = randomModel().toString();
        String data = Cifar10.root().toString();
        Path results = dir.resolve("results.json");
        Run first = run("eval", "--model", model, "--data", data, "--limit", "10", "--record", results.toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.err().contains("(recorded in " + results + ")"), first.err());
        Run again = run("eval", "--model", model, "--data", data, "--limit", "10", "--record", results.toString());
        assertTrue(again.err().contains("(already in " + results + ")"), again.err());
        Run linear = run("linear", "--model", model, "--data", data, "--weight-bits", "4", "--calibration-batch-size",
                "16", "--limit", "10", "--skip-fp32", "--record", results.toString());
        assertEquals(0, linear.code(), linear.err());
        Run mse = run("linear", "--model", model, "--data", data, "--weight-bits", "4", "--calibration-batch-size",
                "16", "--clip", "mse", "--limit", "10", "--skip-fp32", "--record", results.toString());
        assertEquals(0, mse.code(), mse.err());

        List<RunRecord> runs = ResultsJson.read(Files.readString(results)).runs();
        assertEquals(3, runs.size(), runs.toString());
        assertTrue(runs.get(2).note().endsWith(", ranges MSE"), "told apart from the min/max run: " + runs.get(2));
        assertEquals(java.util.Optional.of("MSE"), runs.get(2).activationRanges());
        assertEquals(java.util.Optional.empty(), runs.get(1).activationRanges());
        assertTrue(!runs.get(1).note().contains("ranges"), "the lesson's min/max goes unsaid: " + runs.get(1));
        assertEquals(Method.FP32, runs.get(0).method());
        assertEquals(10, runs.get(0).testImages());
        assertEquals(Double.parseDouble(first.out().lines().findFirst().orElseThrow()
                .replaceAll("^fp32 model has accuracy=([0-9.]+)%$", "$1")), runs.get(0).accuracy(), 0.005);
        RunRecord integer = runs.get(1);
        assertEquals(Method.INTEGER, integer.method());
        assertEquals("W4A8", integer.bitsLabel());
        assertEquals(4.40, integer.lessonMib(), 0.005);
        assertTrue(integer.note().startsWith("per-channel, float-multiplier, calibration 16 images"), integer.note());
    }

    @Test
    @Tag(ThirdPartyFixtures.TAG)
    void foreignCheckpointIsRefusedWithTheMismatchedTensors() {
        Path resnet = ThirdPartyFixtures.folder().resolve("EhanW_advrob-cifar10_resnet20.pth");
        Run r = run("import", resnet.toString(), dir.resolve("x.safetensors").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("missing tensors (50)"), r.err());
        assertTrue(r.err().contains("unexpected tensors (128)"), r.err());
        assertTrue(r.err().contains("conv_1.weight"), r.err());
    }

    @Test
    void importConvertsAVggCheckpointThatHoldsAStateDict() throws IOException {
        // a .pth written the way the lesson's vgg.cifar.pretrained.pth is: a dict whose 'state_dict' holds the VGG
        Path pth = dir.resolve("vgg.pth");
        dev.quantlab.model.pth.VggCheckpoints.writeZipWithStateDict(pth, VggNet.initialWeights(4));
        Path out = dir.resolve("vgg.safetensors");
        Run r = run("import", pth.toString(), out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(VggNet.initialWeights(4).get("backbone.conv2.weight").values()[99],
                SafetensorsFile.read(out).tensors().get("backbone.conv2.weight").values()[99]);
        assertEquals(50, PthImporter.importStateDict(pth).size());
    }

    @Test
    void badOptionsGiveAClearMessageNotAStackTrace() {
        Run r = run("kmeans", "--bits", "9", "--model", "nope.safetensors");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("bit-width must be between 1 and 8, got 9"), r.err());
        Run m = run("eval", "--model", dir.resolve("missing.safetensors").toString());
        assertEquals(1, m.code());
        assertTrue(m.err().startsWith("error: Model file not found"), m.err());
    }
}
