package dev.quantlab.app;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared CIFAR-10 copy beside the checkout ({@code quantlab.shared}/data); tests skip when it is absent. */
final class SharedTestData {
    private SharedTestData() { }

    static Path root() {
        Path root = Path.of(System.getProperty("quantlab.shared", "../shared")).resolve("data");
        assumeTrue(Files.isRegularFile(root.resolve("cifar-10-batches-bin/test_batch.bin")),
                "shared CIFAR-10 copy not found under " + root.toAbsolutePath());
        return root;
    }
}
