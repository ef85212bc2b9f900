package dev.quantlab.model.pth;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream over a source of known length that counts the bytes it has delivered, so
 * readers can check a declared size against what is really left before allocating for it.
 */
final class CountingInput extends FilterInputStream {
    private final long length;
    private long position;

    CountingInput(InputStream in, long length) {
        super(in);
        this.length = length;
    }

    /** Bytes not yet read (by the source's declared length). */
    long remaining() {
        return Math.max(0, length - position);
    }

    long position() {
        return position;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            position++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if (skipped > 0) {
            position += skipped;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Reads exactly {@code buffer.length} bytes. */
    void readFully(byte[] buffer) throws IOException {
        int done = 0;
        while (done < buffer.length) {
            int n = read(buffer, done, buffer.length - done);
            if (n < 0) {
                throw new EOFException("file ends " + (buffer.length - done) + " bytes early");
            }
            done += n;
        }
    }

    /** Skips exactly {@code n} bytes. */
    void skipFully(long n) throws IOException {
        long left = n;
        while (left > 0) {
            long s = skip(left);
            if (s <= 0) {
                if (read() < 0) {
                    throw new EOFException("file ends " + left + " bytes early");
                }
                s = 1;
            }
            left -= s;
        }
    }
}
