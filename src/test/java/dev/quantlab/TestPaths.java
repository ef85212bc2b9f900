package dev.quantlab;

import java.nio.file.Path;

/** Locations the tests read: the shared folder beside the checkout (CIFAR-10, fixtures, reference). */
public final class TestPaths {
    private TestPaths() { }

    public static Path shared() {
        return Path.of(System.getProperty("quantlab.shared", "../shared"));
    }

    public static Path data() {
        return shared().resolve("data");
    }
}
