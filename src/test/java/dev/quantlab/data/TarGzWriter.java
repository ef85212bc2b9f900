package dev.quantlab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Builds small tar.gz archives in memory for tests: POSIX ustar headers for files, folders and symbolic links,
 * plus GNU long-name and PAX path entries for names longer than 100 bytes.
 */
final class TarGzWriter {
    private static final int BLOCK = 512;
    private final ByteArrayOutputStream tar = new ByteArrayOutputStream();

    TarGzWriter dir(String name) {
        return entry(name.endsWith("/") ? name : name + "/", '5', new byte[0], "");
    }

    TarGzWriter file(String name, byte[] content) {
        return entry(name, '0', content, "");
    }

    TarGzWriter symlink(String name, String target) {
        return entry(name, '2', new byte[0], target);
    }

    /** A file whose (long) name is given in a GNU {@code L} entry before it. */
    TarGzWriter gnuLongNameFile(String name, byte[] content) {
        byte[] n = (name + "\0").getBytes(StandardCharsets.UTF_8);
        entry("././@LongLink", 'L', n, "");
        return entry(name.substring(0, 99), '0', content, "");
    }

    /** A file whose (long) name is given as the {@code path} of a PAX extended header before it. */
    TarGzWriter paxNameFile(String name, byte[] content) {
        String record = " path=" + name + "\n";
        int len = record.length();
        len += String.valueOf(len + String.valueOf(len).length()).length();
        entry("PaxHeader", 'x', (len + record).getBytes(StandardCharsets.UTF_8), "");
        return entry("short-name", '0', content, "");
    }

    byte[] toGzip() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(tar.toByteArray());
                gz.write(new byte[2 * BLOCK]);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TarGzWriter entry(String name, char type, byte[] content, String link) {
        byte[] h = new byte[BLOCK];
        put(h, 0, 100, name);
        put(h, 100, 8, String.format("%07o", type == '5' ? 0755 : 0644));
        put(h, 108, 8, "0000000");
        put(h, 116, 8, "0000000");
        put(h, 124, 12, String.format("%011o", content.length));
        put(h, 136, 12, String.format("%011o", 1_700_000_000L));
        h[156] = (byte) type;
        put(h, 157, 100, link);
        put(h, 257, 6, "ustar");
        put(h, 263, 2, "00");
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, 8, String.format("%06o", sum) + "\0 ");
        tar.writeBytes(h);
        tar.writeBytes(content);
        tar.writeBytes(new byte[(BLOCK - content.length % BLOCK) % BLOCK]);
        return this;
    }

    private static void put(byte[] h, int off, int len, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        if (b.length > len) {
            throw new IllegalArgumentException("tar field too long: " + text);
        }
        System.arraycopy(b, 0, h, off, b.length);
    }
}
