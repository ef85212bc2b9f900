package dev.quantlab.data;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes pickle opcodes one by one, the way Python 2's cPickle writes protocol 2 (which is how the official
 * {@code cifar-10-python.tar.gz} was made): Python 2 {@code str} values are SHORT_BINSTRING/BINSTRING holding raw
 * bytes, small ints are BININT1/BININT2, and each container and string is memoized with BINPUT.
 */
final class Py2PickleWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int memo;

    Py2PickleWriter proto2() {
        out.write(0x80);
        out.write(2);
        return this;
    }

    Py2PickleWriter op(char opcode) {
        out.write(opcode);
        return this;
    }

    Py2PickleWriter op(int opcode) {
        out.write(opcode);
        return this;
    }

    /** BINPUT with the next memo index, as cPickle does after each new object. */
    Py2PickleWriter put() {
        out.write('q');
        out.write(memo++ & 0xff);
        return this;
    }

    Py2PickleWriter mark() {
        return op('(');
    }

    /** A Python 2 str of latin-1 text. */
    Py2PickleWriter str(String text) {
        return str(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A Python 2 str holding raw bytes (SHORT_BINSTRING below 256 bytes, else BINSTRING). */
    Py2PickleWriter str(byte[] raw) {
        if (raw.length < 256) {
            out.write('U');
            out.write(raw.length);
        } else {
            out.write('T');
            int32(raw.length);
        }
        out.writeBytes(raw);
        return put();
    }

    /** An int as cPickle writes it: BININT1, BININT2 or BININT. */
    Py2PickleWriter integer(int v) {
        if (v >= 0 && v < 256) {
            out.write('K');
            out.write(v);
        } else if (v >= 0 && v < 65536) {
            out.write('M');
            out.write(v & 0xff);
            out.write(v >>> 8);
        } else {
            out.write('J');
            int32(v);
        }
        return this;
    }

    /** GLOBAL {@code module.name}. */
    Py2PickleWriter global(String module, String name) {
        out.write('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
        return put();
    }

    /** Raw bytes as they are (for damaged pickles). */
    Py2PickleWriter raw(byte... bytes) {
        out.writeBytes(bytes);
        return this;
    }

    Py2PickleWriter stop() {
        return op('.');
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private void int32(int v) {
        out.write(v & 0xff);
        out.write((v >>> 8) & 0xff);
        out.write((v >>> 16) & 0xff);
        out.write((v >>> 24) & 0xff);
    }
}
