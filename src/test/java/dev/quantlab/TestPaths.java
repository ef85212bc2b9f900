package dev.quantlab;

import dev.quantlab.data.CifarBinaryReader;
import dev.quantlab.data.CifarSplit;
import java.nio.file.Path;
import java.util.Arrays;

/** Locations the tests read: the shared folder beside the checkout (CIFAR-10, fixtures, reference). */
public final class TestPaths {
    private TestPaths() { }

    public static Path shared() {
        return Path.of(System.getProperty("quantlab.shared", "../shared"));
    }

    public static Path data() {
        return shared().resolve("data");
    }

    /** The first {@code n} images of the real CIFAR-10 test set, as a small split for quick training tests. */
    public static CifarSplit firstTestImages(int n) {
        CifarSplit test = CifarBinaryReader.readTest(data().resolve(CifarBinaryReader.FOLDER));
        return new CifarSplit("first " + n, Arrays.copyOf(test.pixels(), n * CifarSplit.IMAGE_BYTES),
                Arrays.copyOf(test.labels(), n));
    }
}
