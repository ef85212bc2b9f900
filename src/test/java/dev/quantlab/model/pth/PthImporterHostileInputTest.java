package dev.quantlab.model.pth;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.core.UserFacingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Untrusted checkpoints: refused globals, lying sizes, truncation and garbage give clear messages. */
class PthImporterHostileInputTest {
    @TempDir
    Path dir;

    /** Loading {@code file} fails with a user-facing message naming the file and holding every word. */
    private static String assertRejected(Path file, String... words) {
        UserFacingException e = assertThrows(UserFacingException.class, () -> PthImporter.importStateDict(file));
        String message = e.getMessage();
        assertTrue(message.contains(file.toString()), message);
        for (String w : words) {
            assertTrue(message.toLowerCase(Locale.ROOT).contains(w.toLowerCase(Locale.ROOT)),
                    "'" + w + "' missing from: " + message);
        }
        return message;
    }

    private Path rawZip(byte[] pickle) throws IOException {
        Path file = dir.resolve("hostile.pth");
        SyntheticCheckpoint.writeRawZip(file, pickle, Map.of());
        return file;
    }

    @Test
    void refusesOsSystemByName() throws IOException {
        byte[] pickle = "\u0080\u0002cos\nsystem\nq\u0000X\u0002\u0000\u0000\u0000lsq\u0001\u0085q\u0002Rq\u0003."
                .getBytes(StandardCharsets.ISO_8859_1);
        String message = assertRejected(rawZip(pickle), "refused", "'os.system'", "not allowed in a weights file");
        assertTrue(message.startsWith("refused to load "), message);
    }

    @Test
    void refusesBuiltinsEvalThroughStackGlobal() throws IOException {
        byte[] pickle = new PickleWriter().raw(0x80, 4)
                .raw(0x8c, 8).ascii("builtins").raw(0x94)
                .raw(0x8c, 4).ascii("eval").raw(0x94).raw(0x93)
                .str("1+1").raw(0x85).reduce().stop().bytes();
        assertRejected(rawZip(pickle), "refused", "'builtins.eval'");
    }

    @Test
    void refusesExecHiddenInsideAStateDict() throws IOException {
        byte[] pickle = new PickleWriter().proto().global("collections", "OrderedDict").emptyTuple().reduce()
                .mark().str("w").global("__builtin__", "exec").str("import os").raw(0x85).reduce().setitems()
                .stop().bytes();
        assertRejected(rawZip(pickle), "'__builtin__.exec'");
    }

    @Test
    void refusesInstOpcodeByName() throws IOException {
        byte[] pickle = new PickleWriter().mark().str("ls").ascii("ios\nsystem\n").stop().bytes();
        assertRejected(rawZip(pickle), "refused", "'os.system'");
    }

    @Test
    void refusesForeignGlobalInLegacyFile() throws IOException {
        byte[] magicOnly = new PickleWriter().proto().long1(SyntheticCheckpoint.MAGIC).stop().bytes();
        byte[] version = new PickleWriter().proto().integer(1001).stop().bytes();
        byte[] sysInfo = new PickleWriter().proto().emptyDict().stop().bytes();
        byte[] evil = new PickleWriter().proto().global("posix", "system").str("rm -rf ~").raw(0x85).reduce()
                .stop().bytes();
        Path file = dir.resolve("evil.th");
        Files.write(file, concat(magicOnly, version, sysInfo, evil));
        assertRejected(file, "refused", "'posix.system'");
    }

    @Test
    void refusesStorageLargerThanItsEntry() throws IOException {
        Path file = dir.resolve("huge.pth");
        new SyntheticCheckpoint().storage("0", "FloatStorage", 1L << 40, new byte[16]).vector("w", "0")
                .writeZip(file, "archive/", null);
        assertRejected(file, "storage '0'", "1099511627776 elements", "16 bytes");
        new SyntheticCheckpoint().storage("0", "FloatStorage", 5, new byte[16]).vector("w", "0")
                .writeZip(file, "archive/", null);
        assertRejected(file, "storage '0'", "declares 5 elements");
    }

    @Test
    void refusesStorageLargerThanTheRestOfALegacyFile() throws IOException {
        Path file = dir.resolve("huge.th");
        new SyntheticCheckpoint().storage("k1", "FloatStorage", 1L << 33, new byte[16]).vector("w", "k1")
                .writeLegacy(file);
        assertRejected(file, "storage 'k1'", "remain");
    }

    @Test
    void refusesViewsOutsideTheirStorageAndAbsurdExpansions() throws IOException {
        Path file = dir.resolve("views.pth");
        new SyntheticCheckpoint().floats("0", 1, 2, 3).tensor("w", "0", 2, new long[] {2}, new long[] {1})
                .writeZip(file, "archive/", null);
        assertRejected(file, "tensor 'w'", "storage '0'");
        new SyntheticCheckpoint().floats("0", 1).tensor("w", "0", 0, new long[] {1_000_000, 1_000_000},
                new long[] {0, 0}).writeZip(file, "archive/", null);
        assertRejected(file, "tensor 'w'", "elements");
        SyntheticCheckpoint many = new SyntheticCheckpoint().floats("0", new float[1000]);
        for (int i = 0; i < 5000; i++) {
            many.tensor("w" + i, "0", 0, new long[] {1000, 1000}, new long[] {0, 1});
        }
        many.writeZip(file, "archive/", null);
        assertRejected(file, "far more than");
    }

    @Test
    void refusesStringLengthsBeyondTheData() throws IOException {
        byte[] pickle = new PickleWriter().proto().raw('X').int32(Integer.MAX_VALUE - 100).ascii("abc").stop()
                .bytes();
        assertRejected(rawZip(pickle), "bytes remain");
    }

    @Test
    void reportsTruncatedLegacyFiles() throws IOException {
        byte[] whole = Files.readAllBytes(PthImporterFixturesTest.fixtures()
                .resolve("akamaster_pytorch_resnet_cifar10_resnet20-12fca82f.th"));
        for (int cut : new int[] {whole.length - 1, 600_000, 14_100, 13_000, 5_000, 30}) {
            Path file = dir.resolve("cut" + cut + ".th");
            Files.write(file, Arrays.copyOf(whole, cut));
            assertRejected(file, "truncated");
        }
    }

    @Test
    void reportsTruncatedZipFiles() throws IOException {
        byte[] whole = Files.readAllBytes(PthImporterFixturesTest.fixtures()
                .resolve("atreides-K_Basic-Image-Classification-ML_best.pth"));
        Path file = dir.resolve("cut.pth");
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        assertRejected(file, "truncated");
    }

    @Test
    void rejectsMissingDataEntryAndForeignArchives() throws IOException {
        Path file = dir.resolve("x.pth");
        byte[] pickle = new SyntheticCheckpoint().floats("0", 1).vector("w", "0").objectPickle(false);
        SyntheticCheckpoint.writeRawZip(file, pickle, Map.of());
        assertRejected(file, "storage '0'", "archive/data/0");
        SyntheticCheckpoint.writeRawZip(file, pickle, Map.of("archive/code/__torch__/model.py", new byte[1]));
        assertRejected(file, "TorchScript");
        Path other = dir.resolve("other.pth");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(other))) {
            SyntheticCheckpoint.entry(zip, "readme.txt", new byte[3]);
        }
        assertRejected(other, "data.pkl");
    }

    @Test
    void rejectsCheckpointsWithoutAStateDict() throws IOException {
        byte[] pickle = new PickleWriter().proto().emptyDict().str("epoch").integer(3).setitem().stop().bytes();
        assertRejected(rawZip(pickle), "no state dict", "'epoch'");
    }

    @Test
    void rejectsRandomBytesEmptyFilesAndPlainPickles() throws IOException {
        Random random = new Random(1234);
        Path file = dir.resolve("random.pth");
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        noise[0] = 0x17;
        Files.write(file, noise);
        assertRejected(file, "not a PyTorch checkpoint");
        Files.write(file, new byte[0]);
        assertRejected(file, "empty");
        Files.write(file, new PickleWriter().proto().emptyDict().stop().bytes());
        assertRejected(file, "magic number");
        byte[] tar = new byte[1024];
        System.arraycopy("ustar".getBytes(StandardCharsets.US_ASCII), 0, tar, 257, 5);
        Files.write(file, tar);
        assertRejected(file, "tar archive");
    }

    @Test
    void garbageAfterPickleMarkerOrInsideZipNeverEscapesAsRawError() throws IOException {
        Random random = new Random(99);
        for (int i = 0; i < 200; i++) {
            byte[] noise = new byte[64 + random.nextInt(4096)];
            random.nextBytes(noise);
            noise[0] = (byte) 0x80;
            noise[1] = 2;
            Path legacy = dir.resolve("noise" + i + ".th");
            Files.write(legacy, noise);
            assertThrows(UserFacingException.class, () -> PthImporter.importStateDict(legacy));
            Path zip = rawZip(noise);
            assertThrows(UserFacingException.class, () -> PthImporter.importStateDict(zip));
        }
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
