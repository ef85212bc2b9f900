package dev.quantlab.model.pth;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes pickle opcodes by hand (protocol 2 subset), for building test checkpoints. */
final class PickleWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PickleWriter proto() {
        return raw(0x80, 2);
    }

    PickleWriter global(String module, String name) {
        raw('c');
        ascii(module + "\n" + name + "\n");
        return this;
    }

    PickleWriter mark() {
        return raw('(');
    }

    PickleWriter tuple() {
        return raw('t');
    }

    PickleWriter emptyTuple() {
        return raw(')');
    }

    PickleWriter str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        raw('X');
        int32(b.length);
        out.writeBytes(b);
        return this;
    }

    PickleWriter integer(long v) {
        if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            raw('J');
            return int32((int) v);
        }
        return long1(BigInteger.valueOf(v));
    }

    /** LONG1: a little-endian two's complement integer of any size. */
    PickleWriter long1(BigInteger v) {
        byte[] be = v.toByteArray();
        raw(0x8a, be.length);
        for (int i = be.length - 1; i >= 0; i--) {
            out.write(be[i]);
        }
        return this;
    }

    PickleWriter floating(double v) {
        raw('G');
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putDouble(v).array());
        return this;
    }

    PickleWriter none() {
        return raw('N');
    }

    PickleWriter bool(boolean v) {
        return raw(v ? 0x88 : 0x89);
    }

    PickleWriter reduce() {
        return raw('R');
    }

    PickleWriter binpersid() {
        return raw('Q');
    }

    PickleWriter emptyDict() {
        return raw('}');
    }

    PickleWriter emptyList() {
        return raw(']');
    }

    PickleWriter appends() {
        return raw('e');
    }

    PickleWriter setitem() {
        return raw('s');
    }

    PickleWriter setitems() {
        return raw('u');
    }

    PickleWriter build() {
        return raw('b');
    }

    PickleWriter stop() {
        return raw('.');
    }

    PickleWriter int32(int v) {
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
        return this;
    }

    PickleWriter ascii(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    PickleWriter raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
