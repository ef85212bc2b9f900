package dev.quantlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.testing.Cifar10;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The binary reader on the shared CIFAR-10 copy (facts from its README) and on damaged files built in a temp dir. */
class CifarBinaryReaderTest {
    private static final int FILE_BYTES = CifarBinaryReader.RECORDS_PER_FILE * CifarBinaryReader.RECORD;

    @TempDir
    Path tmp;

    @Tag(Cifar10.TAG)
    @Test
    void testSetHasTenThousandImagesThousandPerClass() {
        CifarSplit test = Cifar10.testSplit();
        assertEquals(10_000, test.size());
        int[] perClass = new int[CifarSplit.CLASSES];
        for (int i = 0; i < test.size(); i++) {
            perClass[test.label(i)]++;
        }
        int[] thousand = new int[CifarSplit.CLASSES];
        Arrays.fill(thousand, 1000);
        assertArrayEquals(thousand, perClass);
    }

    @Tag(Cifar10.TAG)
    @Test
    void firstTenTestLabelsAreThePublishedOnes() {
        byte[] first = Arrays.copyOf(Cifar10.testSplit().labels(), 10);
        assertArrayEquals(new byte[] {3, 8, 8, 0, 6, 6, 1, 6, 3, 1}, first);
    }

    @Tag(Cifar10.TAG)
    @Test
    void trainSetHasFiftyThousandImages() {
        CifarSplit train = CifarBinaryReader.readTrain(Cifar10.binFolder());
        assertEquals(50_000, train.size());
        assertEquals("train", train.name());
        assertEquals(50_000L * CifarSplit.IMAGE_BYTES, train.pixels().length);
    }

    @Test
    void truncatedFileIsReportedWithItsName() throws IOException {
        Path file = write("test_batch.bin", FILE_BYTES - 100);
        assertProblem(file, "truncated or padded");
    }

    @Test
    void wholeRecordsButWrongCountIsReported() throws IOException {
        Path file = write("test_batch.bin", 5 * CifarBinaryReader.RECORD);
        assertProblem(file, "wrong size: " + 5 * CifarBinaryReader.RECORD + " bytes, expected " + FILE_BYTES);
    }

    @Test
    void labelByteTenIsReported() throws IOException {
        byte[] raw = new byte[FILE_BYTES];
        raw[7 * CifarBinaryReader.RECORD] = 10;
        Path file = Files.write(tmp.resolve("test_batch.bin"), raw);
        assertProblem(file, "record 7 has label byte 10");
    }

    @Test
    void missingFileIsReported() {
        assertProblem(tmp.resolve("test_batch.bin"), "missing");
    }

    @Test
    void missingTrainFileIsNamed() throws IOException {
        for (String name : List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_4.bin", "data_batch_5.bin")) {
            write(name, FILE_BYTES);
        }
        DataFormatException e = assertThrows(DataFormatException.class, () -> CifarBinaryReader.readTrain(tmp));
        assertTrue(e.getMessage().contains("data_batch_3.bin") && e.getMessage().contains("missing"), e.getMessage());
    }

    private Path write(String name, int size) throws IOException {
        return Files.write(tmp.resolve(name), new byte[size]);
    }

    private void assertProblem(Path file, String problem) {
        DataFormatException e = assertThrows(DataFormatException.class, () -> CifarBinaryReader.readTest(tmp));
        assertTrue(e.getMessage().contains(file.toString()), "message should name the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(problem), "message should say '" + problem + "': " + e.getMessage());
    }
}
