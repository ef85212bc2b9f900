package dev.quantlab.model.pth;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.quantlab.core.UserFacingException;
import dev.quantlab.core.pickle.FuzzInvariants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the .pth importer end to end (format detection, both layouts, unpickling,
 * storages, tensors): any file gives a state dict or one user-facing line naming the file. Corpus:
 * {@code src/test/resources/dev/quantlab/model/pth/PthImporterFuzzTestInputs/importStateDict/}.
 */
class PthImporterFuzzTest {
    private static final Path FILE = FuzzFiles.scratch("fuzz.pth");

    @FuzzTest(maxDuration = "24h")
    void importStateDict(byte[] data) throws IOException {
        Files.write(FILE, data);
        try {
            PthImporter.importStateDict(FILE);
        } catch (UserFacingException e) {
            FuzzInvariants.oneLine(e.getMessage());
            if (!e.getMessage().contains(FILE.toString())) {
                throw new AssertionError("the message must name the file: " + e.getMessage());
            }
        }
    }
}
