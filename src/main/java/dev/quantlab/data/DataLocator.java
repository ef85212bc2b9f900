package dev.quantlab.data;

import dev.quantlab.core.QuantLabHome;
import dev.quantlab.core.UserFacingException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds CIFAR-10 on disk. The folder comes from {@code --data DIR}, else {@code QUANTLAB_DATA}, else
 * {@code ~/.quantlab/data}; it may hold {@code cifar-10-batches-bin/} or {@code cifar-10-batches-py/},
 * or be one of them.
 */
public final class DataLocator {
    /** Which on-disk version was found. */
    public enum Format { BINARY, PYTHON }

    /** A found dataset folder and its format. */
    public record Location(Path folder, Format format) { }

    private DataLocator() { }

    public static Path defaultRoot(String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String env = System.getenv("QUANTLAB_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return QuantLabHome.dir().resolve("data");
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
