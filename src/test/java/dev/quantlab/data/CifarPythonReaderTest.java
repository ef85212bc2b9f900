package dev.quantlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quantlab.testing.Cifar10;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python-version reader against pickles built byte by byte like Python 2's cPickle (as in the official archive),
 * against two small pickles written by Python 3 with numpy (src/test/resources/data), and against damaged files.
 * Pixels and labels must equal the binary reader's for the same records.
 */
@Tag(Cifar10.TAG)
class CifarPythonReaderTest {
    @TempDir
    Path tmp;

    @Test
    void python2StylePickleGivesTheSamePixelsAsTheBinaryVersion() throws IOException {
        CifarSplit bin = Cifar10.testSplit();
        Path file = CifarBatchPickle.of(bin, 0, 20).writeTo(tmp.resolve("test_batch"));

        CifarSplit py = CifarPythonReader.readBatch(file);

        assertEquals(20, py.size());
        assertArrayEquals(Arrays.copyOf(bin.labels(), 20), py.labels());
        assertArrayEquals(Arrays.copyOf(bin.pixels(), 20 * CifarSplit.IMAGE_BYTES), py.pixels());
        assertArrayEquals(new byte[] {3, 8, 8, 0, 6, 6, 1, 6, 3, 1}, Arrays.copyOf(py.labels(), 10));
    }

    @Test
    void numpyWrittenPickleWithStrKeysMatchesTheBinaryVersion() throws IOException {
        CifarSplit py = CifarPythonReader.readBatch(resource("numpy-protocol2-str-keys.pickle"));
        assertSameAsBinary(py, 4);
    }

    @Test
    void numpyWrittenPickleWithBytesKeysMatchesTheBinaryVersion() throws IOException {
        CifarSplit py = CifarPythonReader.readBatch(resource("numpy-protocol2-bytes-keys.pickle"));
        assertSameAsBinary(py, 2);
    }

    @Test
    void fortranOrderedArrayIsReadInRowMajorOrder() throws IOException {
        CifarSplit bin = Cifar10.testSplit();
        Path file = CifarBatchPickle.of(bin, 5, 3).fortranOrder().writeTo(tmp.resolve("f"));

        CifarSplit py = CifarPythonReader.readBatch(file);

        assertArrayEquals(Arrays.copyOfRange(bin.pixels(), 5 * CifarSplit.IMAGE_BYTES, 8 * CifarSplit.IMAGE_BYTES),
                py.pixels());
    }

    @Test
    void datasetFindsAndReadsThePythonFolder() throws IOException {
        CifarSplit bin = Cifar10.testSplit();
        Path folder = tmp.resolve(CifarPythonReader.FOLDER);
        CifarBatchPickle.of(bin, 0, 20).writeTo(folder.resolve(CifarPythonReader.TEST_FILE));
        List<Path> trainFiles = new ArrayList<>();
        for (int i = 0; i < CifarPythonReader.TRAIN_FILES.size(); i++) {
            trainFiles.add(CifarBatchPickle.of(bin, 100 + 3 * i, 3)
                    .writeTo(folder.resolve(CifarPythonReader.TRAIN_FILES.get(i))));
        }

        assertEquals(DataLocator.Format.PYTHON, DataLocator.locate(tmp).format());
        CifarSplit test = CifarDataset.test(tmp);
        CifarSplit train = CifarDataset.train(tmp);

        assertEquals(20, test.size());
        assertEquals(15, train.size());
        assertArrayEquals(Arrays.copyOfRange(bin.pixels(), 100 * CifarSplit.IMAGE_BYTES, 115 * CifarSplit.IMAGE_BYTES),
                train.pixels());
        assertArrayEquals(Arrays.copyOfRange(bin.labels(), 100, 115), train.labels());
    }

    @Test
    void missingFileIsNamed() {
        Path file = tmp.resolve("test_batch");
        assertProblem(file, "missing");
    }

    @Test
    void textFileIsNotAPickle() throws IOException {
        Path file = Files.writeString(tmp.resolve("test_batch"), "hello, this is not a pickle\n");
        assertProblem(file, "pickle");
    }

    @Test
    void emptyFileIsNotAPickle() throws IOException {
        Path file = Files.write(tmp.resolve("test_batch"), new byte[0]);
        assertProblem(file, "pickle");
    }

    @Test
    void truncatedPickleIsReported() throws IOException {
        byte[] full = CifarBatchPickle.of(Cifar10.testSplit(), 0, 5).bytes();
        Path file = Files.write(tmp.resolve("test_batch"), Arrays.copyOf(full, 100));
        assertProblem(file, "it is truncated");
    }

    @Test
    void pickleCutInsideThePixelsIsReported() throws IOException {
        byte[] full = CifarBatchPickle.of(Cifar10.testSplit(), 0, 5).bytes();
        Path file = Files.write(tmp.resolve("test_batch"), Arrays.copyOf(full, full.length / 2));
        assertProblem(file, "truncated or damaged");
    }

    @Test
    void gzipArchiveIsRecognized() throws IOException {
        Path file = Files.write(tmp.resolve("test_batch"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0});
        assertProblem(file, "gzip");
    }

    @Test
    void wrongRowLengthIsReported() throws IOException {
        CifarSplit bin = Cifar10.testSplit();
        Path file = CifarBatchPickle.of(bin, 0, 3).shape(3, 3072 / 3, 3).writeTo(tmp.resolve("test_batch"));
        assertProblem(file, "'data' has shape (3, 1024, 3), expected (N, 3072)");
    }

    @Test
    void dataLengthNotMatchingShapeIsReported() throws IOException {
        Path file = CifarBatchPickle.of(Cifar10.testSplit(), 0, 3).shape(4, 3072).writeTo(tmp.resolve("b"));
        assertProblem(file, "holds 9216 bytes");
    }

    @Test
    void wrongDtypeIsReported() throws IOException {
        Path file = CifarBatchPickle.of(Cifar10.testSplit(), 0, 2).dtype("f8").writeTo(tmp.resolve("b"));
        assertProblem(file, "dtype 'f8'");
    }

    @Test
    void labelAboveNineIsReported() throws IOException {
        Path file = CifarBatchPickle.of(Cifar10.testSplit(), 0, 6).labels(1, 2, 3, 4, 5, 10)
                .writeTo(tmp.resolve("b"));
        assertProblem(file, "label 5 is 10 (must be 0-9)");
    }

    @Test
    void labelCountMismatchIsReported() throws IOException {
        Path file = CifarBatchPickle.of(Cifar10.testSplit(), 0, 3).labels(1, 2).writeTo(tmp.resolve("b"));
        assertProblem(file, "has 2 labels but 3 images");
    }

    @Test
    void missingLabelsAreReported() throws IOException {
        Path file = CifarBatchPickle.of(Cifar10.testSplit(), 0, 3).withoutLabels().writeTo(tmp.resolve("b"));
        assertProblem(file, "no 'labels' entry");
    }

    @Test
    void globalsOutsideTheAllowListAreRefusedByName() throws IOException {
        Path file = CifarBatchPickle.of(Cifar10.testSplit(), 0, 1).reconstructWith("os", "system")
                .writeTo(tmp.resolve("b"));
        assertProblem(file, "'os.system'");
    }

    @Test
    void instOpcodeIsRefusedByName() throws IOException {
        byte[] pickle = new Py2PickleWriter().proto2().mark().raw("isubprocess\nPopen\n".getBytes(StandardCharsets.US_ASCII))
                .stop().bytes();
        Path file = Files.write(tmp.resolve("b"), pickle);
        assertProblem(file, "'subprocess.Popen'");
    }

    @Test
    void hugeDeclaredLengthIsRefusedWithoutAllocating() throws IOException {
        byte[] pickle = new Py2PickleWriter().proto2().raw((byte) 'T', (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x7f)
                .bytes();
        Path file = Files.write(tmp.resolve("b"), pickle);
        assertProblem(file, "truncated or damaged");
    }

    @Test
    void pickleOfAListIsNotABatch() throws IOException {
        Path file = Files.write(tmp.resolve("b"), new Py2PickleWriter().proto2().op(']').stop().bytes());
        assertProblem(file, "expected a dict");
    }

    private static void assertSameAsBinary(CifarSplit py, int n) {
        CifarSplit bin = Cifar10.testSplit();
        assertEquals(n, py.size());
        assertArrayEquals(Arrays.copyOf(bin.labels(), n), py.labels());
        assertArrayEquals(Arrays.copyOf(bin.pixels(), n * CifarSplit.IMAGE_BYTES), py.pixels());
    }

    private Path resource(String name) throws IOException {
        Path file = tmp.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/data/" + name)) {
            assertTrue(in != null, "test resource /data/" + name + " missing");
            Files.copy(in, file);
        }
        return file;
    }

    private static void assertProblem(Path file, String problem) {
        DataFormatException e = assertThrows(DataFormatException.class, () -> CifarPythonReader.readBatch(file));
        assertTrue(e.getMessage().contains(file.toString()), "message should name the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(problem), "message should say '" + problem + "': " + e.getMessage());
    }
}
