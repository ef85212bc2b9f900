package dev.quantlab.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the Python version ({@code cifar-10-batches-py/}): pickled dicts with {@code data} and {@code labels}. */
public final class CifarPythonReader {
    public static final String FOLDER = "cifar-10-batches-py";
    public static final List<String> TRAIN_FILES = List.of("data_batch_1", "data_batch_2", "data_batch_3",
            "data_batch_4", "data_batch_5");
    public static final String TEST_FILE = "test_batch";

    private CifarPythonReader() { }

    public static CifarSplit readTrain(Path folder) {
        List<Path> files = new ArrayList<>();
        for (String f : TRAIN_FILES) {
            files.add(folder.resolve(f));
        }
        return read("train", files);
    }

    public static CifarSplit readTest(Path folder) {
        return read("test", List.of(folder.resolve(TEST_FILE)));
    }

    static CifarSplit read(String name, List<Path> files) {
        throw new UnsupportedOperationException("Python-version reader not built yet");
    }
}
