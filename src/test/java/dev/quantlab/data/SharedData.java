package dev.quantlab.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where tests find the shared CIFAR-10 copy: {@code <quantlab.shared>/data} (surefire sets the property to the
 * shared folder beside the checkout), falling back to {@code ../shared/data}. The data is only read, never copied.
 */
final class SharedData {
    private SharedData() { }

    /** The data root holding {@code cifar-10-batches-bin/}; skips the test when the shared copy is absent. */
    static Path root() {
        String shared = System.getProperty("quantlab.shared");
        Path base = shared == null || shared.isBlank() ? Path.of("../shared") : Path.of(shared);
        Path root = base.resolve("data");
        assumeTrue(Files.isRegularFile(root.resolve(CifarBinaryReader.FOLDER).resolve(CifarBinaryReader.TEST_FILE)),
                "shared CIFAR-10 copy not found under " + root.toAbsolutePath());
        return root;
    }

    /** The shared {@code cifar-10-batches-bin/} folder. */
    static Path binFolder() {
        return root().resolve(CifarBinaryReader.FOLDER);
    }

    private static CifarSplit test;

    /** The shared test split, read once per test run. */
    static synchronized CifarSplit testSplit() {
        if (test == null) {
            test = CifarBinaryReader.readTest(binFolder());
        }
        return test;
    }
}
