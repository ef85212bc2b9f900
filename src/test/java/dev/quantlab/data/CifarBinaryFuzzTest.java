package dev.quantlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the CIFAR-10 binary reader on small files of two records each. In {@code mvn verify}
 * it runs only over its seed corpus; with {@code JAZZER_FUZZ=1} it fuzzes. Any file must give a split whose
 * labels and pixels are the file's bytes, or one single-line {@link DataFormatException}.
 */
class CifarBinaryFuzzTest {
    private static final int RECORDS = 2;
    private static Path dir;

    @BeforeAll
    static void folder() throws IOException {
        dir = Files.createTempDirectory("cifar-fuzz");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        Files.deleteIfExists(dir.resolve(CifarBinaryReader.TEST_FILE));
        Files.deleteIfExists(dir);
    }

    @FuzzTest(maxDuration = "10m")
    void fuzzRead(FuzzedDataProvider data) throws IOException {
        byte[] bytes = data.consumeRemainingAsBytes();
        Path f = dir.resolve(CifarBinaryReader.TEST_FILE);
        Files.write(f, bytes);
        CifarSplit split;
        try {
            split = CifarBinaryReader.read("test", List.of(f), RECORDS);
        } catch (DataFormatException e) {
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().startsWith("CIFAR-10 file " + f + ": "), e.getMessage());
            return;
        }
        assertEquals(RECORDS * CifarBinaryReader.RECORD, bytes.length);
        for (int r = 0; r < RECORDS; r++) {
            assertEquals(bytes[r * CifarBinaryReader.RECORD], split.labels()[r]);
            assertTrue(split.labels()[r] >= 0 && split.labels()[r] <= 9);
            for (int i = 0; i < CifarSplit.IMAGE_BYTES; i += 97) {
                assertEquals(bytes[r * CifarBinaryReader.RECORD + 1 + i], split.pixels()[r * CifarSplit.IMAGE_BYTES + i]);
            }
        }
    }
}
