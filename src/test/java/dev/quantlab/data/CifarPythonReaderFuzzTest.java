package dev.quantlab.data;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.quantlab.core.pickle.FuzzInvariants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the CIFAR-10 Python-version reader (pickled dict, numpy array, labels): any
 * file gives a batch or one {@link DataFormatException} line. Corpus:
 * {@code src/test/resources/dev/quantlab/data/CifarPythonReaderFuzzTestInputs/readBatch/}.
 */
class CifarPythonReaderFuzzTest {
    private static final Path FILE = scratch();

    private static Path scratch() {
        try {
            Path dir = Files.createTempDirectory("quantlab-fuzz");
            dir.toFile().deleteOnExit();
            Path file = dir.resolve("data_batch_1");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "24h")
    void readBatch(byte[] data) throws IOException {
        Files.write(FILE, data);
        try {
            CifarSplit split = CifarPythonReader.readBatch(FILE);
            if (split.pixels().length != split.size() * CifarSplit.IMAGE_BYTES) {
                throw new AssertionError("pixels do not match the image count");
            }
        } catch (DataFormatException e) {
            FuzzInvariants.oneLine(e.getMessage());
        }
    }
}
