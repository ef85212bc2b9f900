package dev.quantlab.data;

import dev.quantlab.core.QuantLabHome;
import dev.quantlab.core.UserFacingException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds CIFAR-10 on disk. The folder comes from {@code --data DIR}, else {@code QUANTLAB_DATA}, else
 * {@code ~/.quantlab/data} (for reading, {@code ../shared/data} beside a checkout when that is all there is); it may hold {@code cifar-10-batches-bin/} or {@code cifar-10-batches-py/},
 * or be one of them.
 */
public final class DataLocator {
    /** Which on-disk version was found. */
    public enum Format { BINARY, PYTHON }

    /** A found dataset folder and its format. */
    public record Location(Path folder, Format format) { }

    private DataLocator() { }

    /**
     * Where this project keeps CIFAR-10 beside a checkout, read-only: {@code ../shared/data}, relative to the working
     * directory (so found when the app or CLI is started from the checkout, as the README's commands do).
     */
    public static final Path BESIDE_CHECKOUT = Path.of("..", "shared", "data");

    /** {@code explicit}, else {@code $QUANTLAB_DATA}, else {@code ~/.quantlab/data}: where data is kept and downloaded. */
    public static Path defaultRoot(String explicit) {
        Path set = chosen(explicit, System.getenv("QUANTLAB_DATA"));
        return set != null ? set : QuantLabHome.dir().resolve("data");
    }

    /**
     * The folder to read CIFAR-10 from: {@link #defaultRoot}, except that when neither {@code --data} nor
     * {@code QUANTLAB_DATA} is set and {@code ~/.quantlab/data} holds no dataset, {@code ../shared/data} is used if
     * it holds one (the app and CLI then work from a checkout with no set-up). Never used to download into.
     */
    public static Path readRoot(String explicit) {
        return readRoot(explicit, System.getenv("QUANTLAB_DATA"), QuantLabHome.dir().resolve("data"), BESIDE_CHECKOUT);
    }

    static Path readRoot(String explicit, String env, Path home, Path besideCheckout) {
        Path set = chosen(explicit, env);
        if (set != null) {
            return set;
        }
        return find(home) == null && find(besideCheckout) != null ? besideCheckout : home;
    }

    private static Path chosen(String explicit, String env) {
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        return env != null && !env.isBlank() ? Path.of(env) : null;
    }

    /** The dataset folder under {@code root}, or an error explaining how to get the data. */
    public static Location locate(Path root) {
        Location found = find(root);
        if (found == null) {
            throw new UserFacingException("No CIFAR-10 data found in " + root.toAbsolutePath() + ". Expected a folder "
                    + CifarBinaryReader.FOLDER + "/ or " + CifarPythonReader.FOLDER + "/ there (or the folder itself). "
                    + "Download it with 'quantlab download --data " + root + "' or pass --data DIR.");
        }
        return found;
    }

    /** Like {@link #locate} but returns null when nothing is there. */
    public static Location find(Path root) {
        if (root == null) {
            return null;
        }
        if (Files.isRegularFile(root.resolve(CifarBinaryReader.TEST_FILE))) {
            return new Location(root, Format.BINARY);
        }
        if (Files.isRegularFile(root.resolve(CifarPythonReader.TEST_FILE))) {
            return new Location(root, Format.PYTHON);
        }
        Path bin = root.resolve(CifarBinaryReader.FOLDER);
        if (Files.isDirectory(bin)) {
            return new Location(bin, Format.BINARY);
        }
        Path py = root.resolve(CifarPythonReader.FOLDER);
        if (Files.isDirectory(py)) {
            return new Location(py, Format.PYTHON);
        }
        return null;
    }
}
