package dev.quantlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.CliRun;
import dev.quantlab.SmallDisk;
import dev.quantlab.testing.Cifar10;
import dev.quantlab.testing.ThirdPartyFixtures;
import dev.quantlab.data.CifarBinaryReader;
import dev.quantlab.model.SafetensorsFile;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.TensorData;
import dev.quantlab.model.VggNet;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and damaged inputs and failing disks, through the CLI: each ends in a result or in exit code 1 with one
 * {@code error:} line, no stack trace, in bounded time, and changes no file that existed.
 */
@Tag(Cifar10.TAG)
class ReliabilityCliTest {
    private static final Duration QUICK = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Path model(StateDict weights) throws IOException {
        Path f = dir.resolve("vgg.safetensors");
        SafetensorsFile.write(f, weights, Map.of(), TensorData.DType.F32);
        return f;
    }

    private String data() {
        return Cifar10.root().toString();
    }

    @Test
    void recordIntoAFolderIsRefusedAndTheFolderIsNeverMoved() throws IOException {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        Files.writeString(runs.resolve("notes.txt"), "mine");
        String model = model(VggNet.initialWeights(8)).toString();
        CliRun.Snapshot before = CliRun.Snapshot.of(dir);
        CliRun.Result r = CliRun.inProcess("eval", "--model", model, "--data", data(), "--limit", "10", "--record",
                runs.toString()).assertInvariant(QUICK);
        assertTrue(r.error().contains("--record " + runs + " is a folder"), r.err());
        before.assertNothingExistingChanged();
        try (Stream<Path> all = Files.list(dir)) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().contains("unreadable")), "nothing moved aside");
        }
    }

    @Test
    void recordOnAReadOnlyFileSystemFailsWithExitOne() throws IOException {
        String model = model(VggNet.initialWeights(8)).toString();
        try (SmallDisk ro = SmallDisk.mount(dir.resolve("ro"), 64, true)) {
            CliRun.Result r = CliRun.inProcess("eval", "--model", model, "--data", data(), "--limit", "10", "--record",
                    ro.dir().resolve("results.json").toString()).assertInvariant(QUICK);
            assertTrue(r.error().contains("read-only file system or permission denied"), r.err());
        }
    }

    @Test
    void recordOnAFullDiskFailsWithExitOneAfterPrintingTheResult() throws IOException {
        String model = model(VggNet.initialWeights(8)).toString();
        try (SmallDisk full = SmallDisk.mount(dir.resolve("full"), 64, false).fill()) {
            Path results = full.dir().resolve("results.json");
            CliRun.Result r = CliRun.inProcess("eval", "--model", model, "--data", data(), "--limit", "10", "--record",
                    results.toString()).assertInvariant(QUICK);
            assertTrue(r.error().contains("Could not save results to " + results + ": No space left on device"),
                    r.err());
            assertTrue(r.out().startsWith("fp32 model has accuracy="), r.out());
            try (Stream<Path> files = Files.list(full.dir())) {
                assertEquals(List.of(full.dir().resolve("filler")), files.toList(), "no temp file left behind");
            }
        }
    }

    @Test
    void kmeansSaveOnAFullDiskFailsWithExitOneAfterTheTable() throws IOException {
        String model = model(VggNet.initialWeights(8)).toString();
        try (SmallDisk full = SmallDisk.mount(dir.resolve("full"), 64, false).fill()) {
            CliRun.Result r = CliRun.inProcess("kmeans", "--model", model, "--data", data(), "--bits", "2", "--limit",
                    "10", "--save", full.dir().toString()).assertInvariant(Duration.ofMinutes(3));
            assertTrue(r.error().contains("cannot write " + full.dir().resolve("kmeans-2bit.safetensors")
                    + ": No space left on device"), r.err());
            assertTrue(r.out().contains("honest size"), "the table is still printed: " + r.out());
        }
    }

    @Test
    void plotTrainingOnAFullDiskKeepsTheOldImage() throws IOException {
        Path csv = dir.resolve("train-log.csv");
        Files.writeString(csv, "epoch,train_loss,train_acc,test_acc\n0,1.5,40.0,45.0\n1,1.1,60.0,62.0\n");
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 128, false)) {
            Path png = disk.dir().resolve("curve.png");
            byte[] old = "an older plot".getBytes();
            Files.write(png, old);
            disk.fill();
            CliRun.Result r = CliRun.inProcess("plot-training", csv.toString(), png.toString()).assertInvariant(QUICK);
            assertTrue(r.error().contains("cannot write the plot " + png + ": No space left on device"), r.err());
            assertArrayEquals(old, Files.readAllBytes(png), "the old image is intact");
            try (Stream<Path> files = Files.list(disk.dir())) {
                assertEquals(2, files.count(), "no temp file left behind");
            }
        }
    }

    @Test
    void nanWeightsAndNegativeVariancesAreRefusedOnLoadAndNeverRecorded() throws IOException {
        StateDict nan = VggNet.initialWeights(8);
        nan.get("backbone.conv3.weight").values()[5] = Float.NaN;
        nan.get("classifier.bias").values()[0] = Float.POSITIVE_INFINITY;
        Path results = dir.resolve("results.json");
        CliRun.Result r = CliRun.inProcess("eval", "--model", model(nan).toString(), "--data", data(), "--limit", "10",
                "--record", results.toString()).assertInvariant(QUICK);
        assertTrue(r.error().contains("2 NaN or infinite values (first in backbone.conv3.weight)"), r.err());
        assertFalse(Files.exists(results), "nothing recorded");

        StateDict negative = VggNet.initialWeights(8);
        negative.get("backbone.bn2.running_var").values()[7] = -0.25f;
        CliRun.Result v = CliRun.inProcess("eval", "--model", model(negative).toString(), "--data", data(), "--limit",
                "10", "--record", results.toString()).assertInvariant(QUICK);
        assertTrue(v.error().contains("1 negative BatchNorm running variance (first in backbone.bn2.running_var)"),
                v.err());
        assertFalse(Files.exists(results), "nothing recorded");
    }

    @Test
    void aHugeTestBatchIsRefusedBeforeAnythingIsAllocated() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("data").resolve(CifarBinaryReader.FOLDER));
        for (String f : CifarBinaryReader.TRAIN_FILES) {
            Files.createFile(bin.resolve(f));
        }
        try (RandomAccessFile f = new RandomAccessFile(bin.resolve(CifarBinaryReader.TEST_FILE).toFile(), "rw")) {
            f.setLength(3L << 30); // sparse: 3 GiB that take no disk space
        }
        CliRun.Result r = CliRun.subprocess(QUICK, 256, Map.of(), "eval", "--model", model(VggNet.initialWeights(8))
                .toString(), "--data", dir.resolve("data").toString()).assertInvariant(QUICK);
        assertTrue(r.error().contains("test_batch.bin: truncated or padded: 3221225472 bytes"), r.err());
    }

    @Test
    void aBatchTooLargeForThisMachineIsRefusedBeforeTraining() throws IOException {
        CliRun.Result r = CliRun.inProcess("kmeans", "--model", model(VggNet.initialWeights(8)).toString(), "--data",
                data(), "--bits", "4", "--qat", "--batch-size", "1000000").assertInvariant(QUICK);
        assertTrue(r.error().matches("error: --batch-size 1000000 needs about [0-9.]+ GiB for one training batch, "
                + "more than this machine can hold .*: use at most [0-9]+"), r.err());
        CliRun.Result t = CliRun.inProcess("train", "--data", data(), "--out", dir.resolve("run").toString(),
                "--batch-size", "1000000").assertInvariant(QUICK);
        assertTrue(t.error().contains("--batch-size 1000000 needs about"), t.err());
        assertFalse(Files.exists(dir.resolve("run")), "no run folder made");
    }

    @Test
    void guiWithoutADisplaySaysSoInOneLine() {
        Map<String, String> noDisplay = new HashMap<>();
        noDisplay.put("DISPLAY", null);
        noDisplay.put("WAYLAND_DISPLAY", null);
        CliRun.Result r = CliRun.subprocess(QUICK, 256, noDisplay, "gui").assertInvariant(QUICK);
        assertTrue(r.error().startsWith("error: no display found"), r.err());
        assertTrue(r.error().contains("every other command works without one"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "nothing but the one line: " + r.err());
    }

    @Test
    void aForeignCheckpointsMismatchIsOneLine() {
        Path resnet = ThirdPartyFixtures.folder().resolve("EhanW_advrob-cifar10_resnet20.pth");
        CliRun.Result r = CliRun.inProcess("import", resnet.toString(), dir.resolve("x.safetensors").toString())
                .assertInvariant(QUICK);
        assertTrue(r.error().contains("missing tensors (50)") && r.error().contains("unexpected tensors (128)"),
                r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void aResultsFileThatIsNotUtf8IsNamedSoAndKeptAside() throws IOException {
        Path results = dir.resolve("results.json");
        Files.write(results, new byte[] {'{', '"', (byte) 0xc3, 0x28, '"', '}'});
        CliRun.Result r = CliRun.inProcess("eval", "--model", model(VggNet.initialWeights(8)).toString(), "--data",
                data(), "--limit", "10", "--record", results.toString()).assertInvariant(QUICK);
        assertEquals(0, r.code());
        assertTrue(r.err().contains("could not be read (not UTF-8 text)"), r.err());
        assertFalse(r.err().contains("Input length"), r.err());
    }

    /** Every safetensors fuzz seed (valid and hostile) through {@code info --model}. */
    @Test
    void everySafetensorsSeedGivesAResultOrOneErrorLine() throws IOException {
        Path seeds = Path.of("src/test/resources/dev/quantlab/model/SafetensorsFuzzTestInputs/fuzzRead");
        List<Path> files;
        try (Stream<Path> s = Files.list(seeds)) {
            files = s.sorted().toList();
        }
        assertTrue(files.size() >= 15, files.toString());
        for (Path seed : files) {
            Path copy = dir.resolve(seed.getFileName() + ".safetensors");
            Files.copy(seed, copy);
            CliRun.Snapshot before = CliRun.Snapshot.of(dir);
            CliRun.Result r = CliRun.inProcess("info", "--model", copy.toString()).assertInvariant(QUICK);
            assertEquals(1, r.code(), seed + " is no VGG: " + r.out());
            before.assertNothingExistingChanged();
        }
    }
}
