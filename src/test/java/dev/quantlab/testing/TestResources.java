package dev.quantlab.testing;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Files the tests carry in {@code src/test/resources} (test vectors, small checkpoints), as paths. */
public final class TestResources {
    private TestResources() { }

    /** {@code name} relative to the test resources root, e.g. {@code reference/test-vectors.json}. */
    public static Path path(String name) {
        URL url = TestResources.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalStateException("test resource missing: " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("test resource not a file: " + url, e);
        }
    }

    /** The lesson's published unit-test vectors (copied from the shared reference folder). */
    public static Path testVectors() {
        return path("reference/test-vectors.json");
    }
}
