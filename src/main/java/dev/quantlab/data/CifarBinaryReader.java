package dev.quantlab.data;

import dev.quantlab.core.IoReasons;
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
        return read(name, files, RECORDS_PER_FILE);
    }

    /**
     * Reads {@code files}, each of exactly {@code recordsPerFile} records. Every file's size is checked before
     * anything is allocated, so a huge or truncated file is refused at once.
     */
    static CifarSplit read(String name, List<Path> files, int recordsPerFile) {
        long expected = (long) recordsPerFile * RECORD;
        for (Path f : files) {
            long size = sizeOf(f);
            if (size != expected) {
                String why = size % RECORD != 0 ? "truncated or padded: " + size
                        + " bytes is not a whole number of " + RECORD + "-byte records"
                        : "wrong size: " + size + " bytes, expected " + expected
                        + " (" + recordsPerFile + " records)";
                throw new DataFormatException(f, why);
            }
        }
        int total = files.size() * recordsPerFile;
        byte[] pixels = new byte[total * CifarSplit.IMAGE_BYTES];
        byte[] labels = new byte[total];
        int n = 0;
        for (Path f : files) {
            byte[] raw = readFile(f);
            if (raw.length != expected) { // changed since its size was checked
                throw new DataFormatException(f, "changed while it was read (" + raw.length + " bytes, expected "
                        + expected + ")");
            }
            for (int r = 0; r < recordsPerFile; r++) {
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

    private static long sizeOf(Path f) {
        if (!Files.isRegularFile(f)) {
            throw new DataFormatException(f, Files.isDirectory(f) ? "is a folder, not a file" : "missing");
        }
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new DataFormatException(f, "cannot be read (" + IoReasons.of(e) + ")");
        }
    }

    private static byte[] readFile(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new DataFormatException(f, "cannot be read (" + IoReasons.of(e) + ")");
        }
    }
}
