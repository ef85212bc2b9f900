package dev.quantlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.CliRun;
import dev.quantlab.core.pickle.HostilePickles;
import dev.quantlab.model.SafetensorsFile;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.TensorData;
import dev.quantlab.model.VggNet;
import dev.quantlab.model.pth.VggCheckpoints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader invariant of issue 14 for {@code import}: any input either converts, or exits 1 with exactly
 * one {@code error:} line and no stack trace, within seconds, leaving every existing file unchanged. The
 * format is detected from the bytes, never from the file name (item 12).
 */
class ImportHostileInputTest {
    @TempDir
    Path dir;

    private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    private Path zipWithPickle(String name, byte[] pickle) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            stored(zip, "archive/data.pkl", pickle);
        }
        return file;
    }

    private Path legacyWithPickle(String name, byte[] pickle) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        // magic number (LONG1), protocol 1001, empty sys info, then the hostile object and an empty key list
        b.writeBytes(new byte[] {(byte) 0x80, 2, (byte) 0x8a, 10, 0x6c, (byte) 0xfc, (byte) 0x9c, 0x46, (byte) 0xf9,
            0x20, 0x6a, (byte) 0xa8, 0x50, 0x19, '.'});
        b.writeBytes(new byte[] {(byte) 0x80, 2, 'M', (byte) 0xe9, 0x03, '.'});
        b.writeBytes(new byte[] {(byte) 0x80, 2, '}', '.'});
        b.writeBytes(pickle);
        b.writeBytes(new byte[] {(byte) 0x80, 2, ']', '.'});
        return Files.write(dir.resolve(name), b.toByteArray());
    }

    private Map<String, Path> hostileInputs() throws IOException {
        Map<String, Path> inputs = new LinkedHashMap<>();
        Map<String, byte[]> pickles = new LinkedHashMap<>();
        pickles.put("selfref-key", HostilePickles.selfReferencingListAsKey());
        pickles.put("deep-key", HostilePickles.deepListAsKey(200_000));
        pickles.put("set", HostilePickles.selfReferencingListInSet());
        pickles.put("device", HostilePickles.deepListToTorchDevice(200_000));
        pickles.put("digits", HostilePickles.longOfDigits(2_000_000));
        pickles.put("flood", HostilePickles.emptyListFlood(2_500_000));
        for (Map.Entry<String, byte[]> e : pickles.entrySet()) {
            inputs.put(e.getKey() + "-zip", zipWithPickle(e.getKey() + ".pth", e.getValue()));
            inputs.put(e.getKey() + "-legacy", legacyWithPickle(e.getKey() + ".ckpt", e.getValue()));
        }
        Path bomb = dir.resolve("bomb.pth");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("archive/data.pkl"));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) ']');
            for (int i = 0; i < 80; i++) {
                zip.write(chunk);
            }
            zip.closeEntry();
        }
        inputs.put("zip-bomb", bomb);
        Path vgg = dir.resolve("vgg-ok.pth");
        VggCheckpoints.writeZipWithStateDict(vgg, VggNet.initialWeights(3));
        byte[] bytes = Files.readAllBytes(vgg);
        for (int i = 0; i < 16; i++) {
            bytes[bytes.length / 2 + i] ^= 0x33; // inside a weight entry
        }
        inputs.put("flipped-weights", Files.write(dir.resolve("flipped.pth"), bytes));
        inputs.put("truncated-zip", Files.write(dir.resolve("cut.pth"), Arrays.copyOf(bytes, bytes.length / 3)));
        inputs.put("garbage-bin", Files.write(dir.resolve("pytorch_model.bin"), "not weights at all".getBytes()));
        return inputs;
    }

    @Test
    void everyHostileCheckpointGivesOneErrorLineAndChangesNothing() throws IOException {
        Path out = dir.resolve("existing.safetensors");
        byte[] existing = "an earlier conversion the user keeps".getBytes(StandardCharsets.UTF_8);
        Files.write(out, existing);
        Map<String, Path> inputs = hostileInputs();
        CliRun.Snapshot before = CliRun.Snapshot.of(dir);
        for (Map.Entry<String, Path> e : inputs.entrySet()) {
            CliRun.Result r = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> CliRun.inProcess("import", e.getValue().toString(), out.toString(), "--force"), e.getKey());
            r.assertFailedCleanly();
            assertEquals(1, r.err().strip().lines().count(), e.getKey() + ": only the error line: " + r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("Error:"), e.getKey() + ": " + r.err());
            before.assertNothingExistingChanged(); // OUT and every input untouched
        }
    }

    @Test
    void checkpointNamedBinOrCkptIsDetectedFromItsBytes() throws IOException {
        StateDict weights = VggNet.initialWeights(5);
        for (String name : new String[] {"pytorch_model.bin", "model.ckpt"}) {
            Path pth = dir.resolve(name);
            VggCheckpoints.writeZipWithStateDict(pth, weights);
            Path out = dir.resolve(name + ".safetensors");
            CliRun.Result r = CliRun.inProcess("import", pth.toString(), out.toString());
            assertEquals(0, r.code(), r.err());
            assertEquals(weights.get("backbone.conv1.weight").values()[7],
                    SafetensorsFile.read(out).tensors().get("backbone.conv1.weight").values()[7]);
        }
    }

    @Test
    void safetensorsNamedPthIsReadAsSafetensors() throws IOException {
        StateDict weights = VggNet.initialWeights(6);
        Path misnamed = dir.resolve("weights.pth");
        SafetensorsFile.write(misnamed, weights, Map.of(), TensorData.DType.F32);
        Path out = dir.resolve("copy.safetensors");
        CliRun.Result r = CliRun.inProcess("import", misnamed.toString(), out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(weights.get("backbone.conv1.weight").values()[3],
                SafetensorsFile.read(out).tensors().get("backbone.conv1.weight").values()[3]);
    }
}
