package dev.quantlab.data;

import dev.quantlab.core.pickle.SafeUnpickler;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.quantlab.core.pickle.PickleRejectedException;

/**
 * Reads the Python version ({@code cifar-10-batches-py/}): each file is a pickled dict whose {@code data} is a
 * numpy uint8 array of shape {@code (N, 3072)} and whose {@code labels} is a list of N ints in 0-9. Keys may be
 * Python 2 strings (as in the official archive) or bytes. Only numpy arrays are rebuilt from the pickle
 * (see {@link SafeNumpyUnpickler}); pixels stay bytes.
 */
public final class CifarPythonReader {
    public static final String FOLDER = "cifar-10-batches-py";
    public static final List<String> TRAIN_FILES = List.of("data_batch_1", "data_batch_2", "data_batch_3",
            "data_batch_4", "data_batch_5");
    public static final String TEST_FILE = "test_batch";

    private CifarPythonReader() { }

    public static CifarSplit readTrain(Path folder) {
        return read("train", TRAIN_FILES.stream().map(folder::resolve).toList());
    }

    public static CifarSplit readTest(Path folder) {
        return read("test", List.of(folder.resolve(TEST_FILE)));
    }

    static CifarSplit read(String name, List<Path> files) {
        List<CifarSplit> parts = new ArrayList<>();
        long images = 0;
        for (Path f : files) {
            CifarSplit part = readBatch(f);
            parts.add(part);
            images += part.size();
        }
        if (parts.size() == 1) {
            return new CifarSplit(name, parts.get(0).pixels(), parts.get(0).labels());
        }
        if (images * CifarSplit.IMAGE_BYTES > Integer.MAX_VALUE - 8) {
            throw new DataFormatException(files.get(files.size() - 1), "too many images in total: " + images);
        }
        byte[] pixels = new byte[(int) images * CifarSplit.IMAGE_BYTES];
        byte[] labels = new byte[(int) images];
        int n = 0;
        for (CifarSplit p : parts) {
            System.arraycopy(p.pixels(), 0, pixels, n * CifarSplit.IMAGE_BYTES, p.pixels().length);
            System.arraycopy(p.labels(), 0, labels, n, p.size());
            n += p.size();
        }
        return new CifarSplit(name, pixels, labels);
    }

    /** One pickled batch file as a split named after the file. */
    static CifarSplit readBatch(Path file) {
        Map<String, Object> dict = unpickleDict(file);
        NumpyArray data = dataArray(file, dict);
        byte[] labels = labels(file, dict);
        int images = data.shape()[0];
        if (labels.length != images) {
            throw new DataFormatException(file, "has " + labels.length + " labels but " + images + " images");
        }
        if (images == 0) {
            throw new DataFormatException(file, "holds no images");
        }
        return new CifarSplit(file.getFileName().toString(), data.rowMajorData(), labels);
    }

    private static Map<String, Object> unpickleDict(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(file, "missing");
        }
        Object top;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            if (b0 == 0x1f && b1 == 0x8b) {
                throw new DataFormatException(file, "is a gzip archive, not a pickled batch (extract "
                        + "cifar-10-python.tar.gz first)");
            }
            in.reset();
            top = SafeNumpyUnpickler.read(in, Files.size(file));
        } catch (PickleRejectedException e) {
            throw new DataFormatException(file, "cannot be read as a CIFAR-10 pickle: " + e.getMessage());
        } catch (IOException e) {
            throw new DataFormatException(file, "is not a complete Python pickle (" + describe(e) + ")");
        } catch (RuntimeException e) {
            if (e instanceof DataFormatException) {
                throw e;
            }
            throw new DataFormatException(file, "is not a valid Python pickle (" + e.getClass().getSimpleName()
                    + ")");
        } catch (StackOverflowError e) {
            throw new DataFormatException(file, "cannot be read as a CIFAR-10 pickle: it is nested too deeply");
        }
        if (!(top instanceof Map)) {
            throw new DataFormatException(file, "holds a pickled " + SafeNumpyUnpickler.typeName(top)
                    + ", expected a dict with 'data' and 'labels'");
        }
        Map<String, Object> dict = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) top).entrySet()) {
            byte[] rawKey = SafeNumpyUnpickler.rawBytes(e.getKey());
            if (rawKey != null) {
                dict.put(new String(rawKey, StandardCharsets.ISO_8859_1), e.getValue());
            }
        }
        return dict;
    }

    private static NumpyArray dataArray(Path file, Map<String, Object> dict) {
        Object value = require(file, dict, "data");
        NumpyArray data = SafeNumpyUnpickler.arrayOf(value);
        if (data == null) {
            throw new DataFormatException(file, "'data' is a " + SafeNumpyUnpickler.typeName(value)
                    + ", expected a numpy uint8 array");
        }
        if (!data.isUint8()) {
            throw new DataFormatException(file, "'data' has dtype '" + data.dtype() + "', expected uint8 ('u1')");
        }
        if (data.shape().length != 2 || data.shape()[1] != CifarSplit.IMAGE_BYTES) {
            throw new DataFormatException(file, "'data' has shape " + data.shapeText() + ", expected (N, "
                    + CifarSplit.IMAGE_BYTES + ")");
        }
        long expected = (long) data.shape()[0] * CifarSplit.IMAGE_BYTES;
        if (data.data().length != expected) {
            throw new DataFormatException(file, "'data' holds " + data.data().length + " bytes, but its shape "
                    + data.shapeText() + " needs " + expected);
        }
        return data;
    }

    private static byte[] labels(Path file, Map<String, Object> dict) {
        Object value = require(file, dict, "labels");
        if (!(value instanceof List)) {
            throw new DataFormatException(file, "'labels' is a " + SafeNumpyUnpickler.typeName(value)
                    + ", expected a list of ints");
        }
        List<?> list = (List<?>) value;
        byte[] labels = new byte[list.size()];
        for (int i = 0; i < labels.length; i++) {
            Object v = list.get(i);
            if (!(v instanceof Integer || v instanceof Long)) {
                throw new DataFormatException(file, "label " + i + " is a " + SafeNumpyUnpickler.typeName(v)
                        + ", expected an int");
            }
            long label = ((Number) v).longValue();
            if (label < 0 || label > 9) {
                throw new DataFormatException(file, "label " + i + " is " + label + " (must be 0-9)");
            }
            labels[i] = (byte) label;
        }
        return labels;
    }

    private static Object require(Path file, Map<String, Object> dict, String key) {
        if (!dict.containsKey(key)) {
            throw new DataFormatException(file, "has no '" + key + "' entry (keys: " + SafeUnpickler.printable(String.valueOf(dict.keySet())) + ")");
        }
        return dict.get(key);
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
