package dev.quantlab.model.pth;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.quantlab.core.pickle.FuzzInvariants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Coverage-guided fuzzing of the zip checkpoint reader (entries, sizes, CRC-32, inflation bounds, storages):
 * any file either yields tensors or a one-line {@link CheckpointException}; an I/O error may only come from
 * the zip library's own checks. Corpus: {@code src/test/resources/dev/quantlab/model/pth/ZipCheckpointFuzzTestInputs/readZip/}.
 */
class ZipCheckpointFuzzTest {
    private static final Path FILE = FuzzFiles.scratch("fuzz.pth");

    @FuzzTest(maxDuration = "24h")
    void readZip(byte[] data) throws IOException {
        Files.write(FILE, data);
        try (ZipCheckpoint zip = ZipCheckpoint.open(FILE, data.length)) {
            Map<String, TensorRef> refs = StateDictLocator.locate(zip.unpickle());
            TensorMaterializer.materialize(refs, zip, data.length + (1L << 20));
        } catch (CheckpointException e) {
            FuzzInvariants.oneLine(e.getMessage());
        } catch (java.util.zip.ZipException e) {
            FuzzInvariants.oneLine(String.valueOf(e.getMessage()));
        }
    }
}
