package dev.quantlab.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real third-party PyTorch checkpoints in {@code <quantlab.shared>/fixtures/pytorch} (not in the repository).
 * Tests on them are tagged {@value #TAG} and skipped wherever that folder is absent (e.g. on GitHub runners).
 */
public final class ThirdPartyFixtures {
    /** The JUnit tag of tests that read the third-party checkpoints. */
    public static final String TAG = "fixtures";

    private ThirdPartyFixtures() { }

    /** The fixtures folder; skips the test when it is absent. */
    public static Path folder() {
        String shared = System.getProperty("quantlab.shared");
        Path folder = Path.of(shared == null || shared.isBlank() ? "../shared" : shared, "fixtures", "pytorch");
        assumeTrue(Files.isDirectory(folder), "third-party checkpoints not found under " + folder.toAbsolutePath());
        return folder;
    }
}
