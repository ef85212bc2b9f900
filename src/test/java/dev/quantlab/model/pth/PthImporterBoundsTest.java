package dev.quantlab.model.pth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.core.UserFacingException;
import dev.quantlab.core.pickle.HostilePickles;
import dev.quantlab.model.StateDict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile checkpoints of issue 14 (items 7-10) in both .pth layouts: each is refused in one line, quickly,
 * without a stack overflow or an out-of-memory error.
 */
class PthImporterBoundsTest {
    private static final Duration QUICK = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    static String assertRejected(Path file, String... words) {
        UserFacingException e = assertTimeoutPreemptively(QUICK,
                () -> assertThrows(UserFacingException.class, () -> PthImporter.importStateDict(file)));
        String message = e.getMessage();
        assertTrue(message.contains(file.toString()), message);
        assertTrue(!message.contains("\n"), "one line: " + message);
        for (String w : words) {
            assertTrue(message.toLowerCase(Locale.ROOT).contains(w.toLowerCase(Locale.ROOT)),
                    "'" + w + "' missing from: " + message);
        }
        return message;
    }

    private Path zip(String name, byte[] pickle) throws IOException {
        Path file = dir.resolve(name + ".pth");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            SyntheticCheckpoint.storedEntry(zip, "archive/data.pkl", pickle); // stored, as torch.save writes
        }
        return file;
    }

    /** A legacy-format file whose object pickle is {@code pickle}. */
    private Path legacy(String name, byte[] pickle) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new PickleWriter().proto().long1(SyntheticCheckpoint.MAGIC).stop().bytes());
        out.writeBytes(new PickleWriter().proto().integer(1001).stop().bytes());
        out.writeBytes(new PickleWriter().proto().emptyDict().stop().bytes());
        out.writeBytes(pickle);
        out.writeBytes(new PickleWriter().proto().emptyList().stop().bytes());
        Path file = dir.resolve(name + ".legacy.pth");
        Files.write(file, out.toByteArray());
        return file;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quantlab.core.pickle.HostilePickles#refused")
    void hostilePickleIsRefusedInBothLayouts(String name, byte[] pickle, String word) throws IOException {
        assertRejected(zip("hostile", pickle), word);
        assertRejected(legacy("hostile", pickle), word);
    }

    @Test
    void zipBombPickleIsRefusedBeforeItIsInflated() throws IOException {
        // 100 MB of EMPTY_LIST instructions deflate to ~100 KB (the report's had 250 MB in 255 KB)
        Path file = dir.resolve("bomb.pth");
        long inflated = 100L << 20;
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("archive/data.pkl"));
            zip.write(new byte[] {(byte) 0x80, 2});
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) ']');
            for (long done = 0; done < inflated; done += chunk.length) {
                zip.write(chunk);
            }
            zip.write('.');
            zip.closeEntry();
        }
        assertTrue(Files.size(file) < 1 << 20, "the bomb is small: " + Files.size(file));
        long start = System.nanoTime();
        assertRejected(file, "data.pkl");
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "refused fast");
    }

    @Test
    void highlyCompressedPickleUnderThePickleCapIsRefusedByItsInflationRatio() throws IOException {
        // 40 MB of EMPTY_LIST instructions (under the 64 MiB data.pkl cap) in a ~40 KB entry
        Path file = dir.resolve("ratio.pth");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("archive/data.pkl"));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) ']');
            for (int i = 0; i < 40; i++) {
                zip.write(chunk);
            }
            zip.closeEntry();
        }
        assertRejected(file, "inflate", "hostile");
    }

    @Test
    void flippedBytesInAWeightFailTheCrcCheck() throws IOException {
        Path file = dir.resolve("flipped.pth");
        float[] weights = new float[64];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = i * 0.25f;
        }
        new SyntheticCheckpoint().floats("0", weights).vector("w", "0").writeStoredZip(file);
        StateDict good = PthImporter.importStateDict(file);
        assertEquals(15.75f, good.get("w").values()[63]);
        byte[] bytes = Files.readAllBytes(file);
        int at = indexOf(bytes, SyntheticCheckpoint.floatBytes(ByteOrder.LITTLE_ENDIAN, 15.75f));
        assertTrue(at > 0);
        for (int i = 0; i < 16; i++) {
            bytes[at - i] ^= 0x5a;
        }
        Path flipped = dir.resolve("flipped2.pth");
        Files.write(flipped, bytes);
        assertRejected(flipped, "CRC-32", "damaged");
    }

    @Test
    void zipWhoseDirectoryPointsPastTheEndIsDamagedNotAnIoError() throws IOException {
        // found by fuzzing (ZipCheckpointFuzzTestInputs/readZip/crash-39c6...): EOFException escaped ZipFile
        Path crash = Path.of("src/test/resources/dev/quantlab/model/pth/ZipCheckpointFuzzTestInputs/readZip/"
                + "crash-39c6a6a0263a499c2b2ece3b2b100eec398fa2af");
        Path file = Files.copy(crash, dir.resolve("crash.pth"));
        assertRejected(file, "damaged or truncated");
    }

    @Test
    void storageKeyWithANewlineStaysOnOneLine() throws IOException {
        // found by fuzzing (PthImporterFuzzTestInputs/importStateDict/crash-2403...): the key was echoed raw
        Path crash = Path.of("src/test/resources/dev/quantlab/model/pth/PthImporterFuzzTestInputs/importStateDict/"
                + "crash-2403fb070660c95f95632551393463ce57112739");
        assertRejected(Files.copy(crash, dir.resolve("crash2.pth")));
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = hay.length - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

}
