package dev.quantlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A CIFAR-10 batch in the Python version's format, {@code {'batch_label', 'labels', 'data', 'filenames'}} pickled
 * with protocol 2 as Python 2 did, with the numpy array written as numpy does
 * ({@code _reconstruct(ndarray, (0,), 'b')} + BUILD {@code (1, shape, dtype('u1', 0, 1) + BUILD, fortran, raw)}).
 * Setters make it wrong in exactly one way for the error tests.
 */
final class CifarBatchPickle {
    private int[] labels;
    private byte[] data;
    private int[] shape;
    private String dtype = "u1";
    private String reconstructModule = "numpy.core.multiarray";
    private String reconstructName = "_reconstruct";
    private boolean fortran;
    private boolean withLabels = true;

    private CifarBatchPickle(int[] labels, byte[] data, int[] shape) {
        this.labels = labels;
        this.data = data;
        this.shape = shape;
    }

    /** Images {@code from .. from+n-1} of a split, exactly as stored there. */
    static CifarBatchPickle of(CifarSplit split, int from, int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = split.label(from + i);
        }
        byte[] data = Arrays.copyOfRange(split.pixels(), from * CifarSplit.IMAGE_BYTES,
                (from + n) * CifarSplit.IMAGE_BYTES);
        return new CifarBatchPickle(labels, data, new int[] {n, CifarSplit.IMAGE_BYTES});
    }

    CifarBatchPickle labels(int... l) {
        this.labels = l;
        return this;
    }

    CifarBatchPickle withoutLabels() {
        this.withLabels = false;
        return this;
    }

    CifarBatchPickle shape(int... s) {
        this.shape = s;
        return this;
    }

    CifarBatchPickle dtype(String d) {
        this.dtype = d;
        return this;
    }

    /** Replaces the {@code numpy.core.multiarray._reconstruct} global with another one. */
    CifarBatchPickle reconstructWith(String module, String name) {
        this.reconstructModule = module;
        this.reconstructName = name;
        return this;
    }

    /** Stores the (row-major) data in Fortran (column-major) order with the fortran flag set, as numpy would. */
    CifarBatchPickle fortranOrder() {
        int rows = shape[0];
        int cols = shape[1];
        byte[] f = new byte[data.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                f[c * rows + r] = data[r * cols + c];
            }
        }
        this.data = f;
        this.fortran = true;
        return this;
    }

    byte[] bytes() {
        Py2PickleWriter w = new Py2PickleWriter().proto2().op('}').put().mark();
        w.str("batch_label").str("testing batch 1 of 1");
        if (withLabels) {
            w.str("labels").op(']').put().mark();
            for (int l : labels) {
                w.integer(l);
            }
            w.op('e');
        }
        w.str("data");
        array(w);
        w.str("filenames").op(']').put().mark();
        for (int i = 0; i < labels.length; i++) {
            w.str("image_" + i + ".png");
        }
        w.op('e');
        return w.op('u').stop().bytes();
    }

    Path writeTo(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, bytes());
    }

    private void array(Py2PickleWriter w) {
        w.global(reconstructModule, reconstructName).global("numpy", "ndarray").integer(0).op(0x85).put().str("b")
                .op(0x87).put().op('R').put();
        w.mark().integer(1).mark();
        for (int d : shape) {
            w.integer(d);
        }
        w.op('t').put();
        w.global("numpy", "dtype").str(dtype).integer(0).integer(1).op(0x87).put().op('R').put();
        w.mark().integer(3).str("|").op('N').op('N').op('N').integer(-1).integer(-1).integer(0).op('t').put().op('b');
        w.op(fortran ? 0x88 : 0x89).str(data).op('t').put().op('b');
    }
}
