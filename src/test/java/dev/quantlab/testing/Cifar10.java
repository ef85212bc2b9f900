package dev.quantlab.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quantlab.data.CifarBinaryReader;
import dev.quantlab.data.CifarSplit;
import dev.quantlab.data.DataLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The one place tests find CIFAR-10, by the app's rule: {@code -Dquantlab.data=DIR} (the tests' {@code --data}),
 * else {@code QUANTLAB_DATA}, else {@code ~/.quantlab/data}, else {@code ../shared/data} (surefire passes the
 * shared folder as {@code quantlab.shared}). The data is only read, never copied. Tests that call this are
 * tagged {@value #TAG}; without the data they are skipped, except under CI ({@code CI=true}), where a missing
 * dataset fails them.
 */
public final class Cifar10 {
    /** The JUnit tag of tests that read CIFAR-10 ({@code mvn verify -DexcludedGroups=data} leaves them out). */
    public static final String TAG = "data";

    private static CifarSplit test;

    private Cifar10() { }

    /** The data root (holding {@code cifar-10-batches-bin/}); skips the test when absent, fails it under CI. */
    public static Path root() {
        Path root = locate();
        if (!Files.isRegularFile(root.resolve(CifarBinaryReader.FOLDER).resolve(CifarBinaryReader.TEST_FILE))) {
            String why = "CIFAR-10 (binary version) not found under " + root.toAbsolutePath()
                    + " (looked at -Dquantlab.data, QUANTLAB_DATA, ~/.quantlab/data, ../shared/data)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + "; CI=true requires it: fetch it with 'quantlab download --data DIR'");
            }
            assumeTrue(false, why);
        }
        return root;
    }

    /** The {@code cifar-10-batches-bin/} folder. */
    public static Path binFolder() {
        return root().resolve(CifarBinaryReader.FOLDER);
    }

    /** The test split, read once per test run. */
    public static synchronized CifarSplit testSplit() {
        Path folder = binFolder();
        if (test == null) {
            test = CifarBinaryReader.readTest(folder);
        }
        return test;
    }

    /** The first {@code n} images of the real CIFAR-10 test set, as a small split for quick training tests. */
    public static CifarSplit firstTestImages(int n) {
        CifarSplit all = testSplit();
        return new CifarSplit("first " + n, Arrays.copyOf(all.pixels(), n * CifarSplit.IMAGE_BYTES),
                Arrays.copyOf(all.labels(), n));
    }

    /** The app's rule ({@link DataLocator#readRoot}) with the tests' {@code --data} and shared folder. */
    private static Path locate() {
        for (String set : new String[] {System.getProperty("quantlab.data"), System.getenv("QUANTLAB_DATA")}) {
            if (set != null && !set.isBlank()) {
                return Path.of(set);
            }
        }
        Path home = userData();
        Path beside = besideCheckout();
        return DataLocator.find(home) == null && DataLocator.find(beside) != null ? beside : home;
    }

    private static Path userData() {
        return Path.of(System.getProperty("user.home"), ".quantlab", "data");
    }

    private static Path besideCheckout() {
        String shared = System.getProperty("quantlab.shared");
        return shared == null || shared.isBlank() ? DataLocator.BESIDE_CHECKOUT : Path.of(shared, "data");
    }
}
