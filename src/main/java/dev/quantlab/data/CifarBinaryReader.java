package dev.quantlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the binary version ({@code cifar-10-batches-bin/}): records of 1 label byte + 3072 pixel bytes. */
public final class CifarBinaryReader {
    public static final String FOLDER = "cifar-10-batches-bin";
    public static final int RECORD = 1 + CifarSplit.IMAGE_BYTES;
    public static final List<String> TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
            "data_batch_4.bin", "data_batch_5.bin");
    public static final String TEST_FILE = "test_batch.bin";
    static final int RECORDS_PER_FILE = 10_000;

    private CifarBinaryReader() { }

    public static CifarSplit readTrain(Path folder) {
        return read("train", TRAIN_FILES.stream().map(folder::resolve).toList());
    }

    public static CifarSplit readTest(Path folder) {
        return read("test", List.of(folder.resolve(TEST_FILE)));
    }

    static CifarSplit read(String name, List<Path> files) {
        int total = files.size() * RECORDS_PER_FILE;
        byte[] pixels = new byte[total * CifarSplit.IMAGE_BYTES];
        byte[] labels = new byte[total];
        int n = 0;
        for (Path f : files) {
            byte[] raw = readFile(f);
            if (raw.length != RECORDS_PER_FILE * RECORD) {
                String why = raw.length % RECORD != 0 ? "truncated or padded: " + raw.length
                        + " bytes is not a whole number of " + RECORD + "-byte records"
                        : "wrong size: " + raw.length + " bytes, expected " + (RECORDS_PER_FILE * RECORD)
                        + " (" + RECORDS_PER_FILE + " records)";
                throw new DataFormatException(f, why);
            }
            for (int r = 0; r < RECORDS_PER_FILE; r++) {
                int label = raw[r * RECORD] & 0xff;
                if (label > 9) {
                    throw new DataFormatException(f, "record " + r + " has label byte " + label + " (must be 0-9)");
                }
                labels[n] = (byte) label;
                System.arraycopy(raw, r * RECORD + 1, pixels, n * CifarSplit.IMAGE_BYTES, CifarSplit.IMAGE_BYTES);
                n++;
            }
        }
        return new CifarSplit(name, pixels, labels);
    }

    private static byte[] readFile(Path f) {
        if (!Files.isRegularFile(f)) {
            throw new DataFormatException(f, "missing");
        }
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new DataFormatException(f, "cannot be read (" + e.getMessage() + ")");
        }
    }
}
