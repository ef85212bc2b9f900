package dev.quantlab.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the entries of an (uncompressed) tar stream one by one: POSIX ustar headers (with the name prefix), GNU long
 * names ({@code L} entries) and the {@code path} and {@code size} of PAX extended headers ({@code x} entries).
 * Every header's checksum is verified, so a stream that is not a tar archive is recognized at its first block.
 *
 * <p>(commons-compress is on the classpath, but only without commons-lang3, which its tar code needs for some
 * entry names; this reader has no such gap.)
 */
final class TarReader {
    private static final int BLOCK = 512;
    private static final long MAX_META = 1 << 20;

    private final InputStream in;
    private final byte[] header = new byte[BLOCK];
    private long remaining;
    private long padding;
    private int entries;

    /**
     * One entry of the archive.
     *
     * @param name the path inside the archive, with {@code /} separators
     * @param type the tar type flag: {@code '0'} a regular file, {@code '5'} a directory, others are links and
     *        special files
     * @param size the size of the entry's data in bytes
     */
    record Entry(String name, char type, long size) {
        boolean isFile() {
            return type == '0' || type == '\0' || type == '7';
        }

        boolean isDirectory() {
            return type == '5';
        }
    }

    TarReader(InputStream in) {
        this.in = in;
    }

    /** The next entry (its data can then be read with {@link #read}), or null at the end of the archive. */
    Entry next() throws IOException {
        String longName = null;
        long paxSize = -1;
        while (true) {
            skipFully(remaining + padding);
            remaining = 0;
            padding = 0;
            int n = in.readNBytes(header, 0, BLOCK);
            if (n == 0 && entries > 0) {
                return null; // some writers omit the end-of-archive blocks
            }
            if (n < BLOCK) {
                throw new EOFException("the archive ends inside a header");
            }
            if (isZero(header)) {
                return null;
            }
            checkChecksum();
            entries++;
            char type = (char) (header[156] & 0xff);
            long size = paxSize >= 0 ? paxSize : number(124, 12);
            if (size < 0) {
                throw new IOException("negative entry size in tar header " + entries);
            }
            remaining = size;
            padding = (BLOCK - size % BLOCK) % BLOCK;
            if (type == 'L' || type == 'x') {
                String meta = new String(readMeta(size), StandardCharsets.UTF_8);
                if (type == 'L') {
                    longName = trimNul(meta);
                } else {
                    String path = paxValue(meta, "path");
                    longName = path != null ? path : longName;
                    String paxSizeText = paxValue(meta, "size");
                    paxSize = paxSizeText != null ? parsePaxSize(paxSizeText) : paxSize;
                }
                continue;
            }
            if (type == 'g' || type == 'K') {
                continue; // global PAX header, GNU long link name: not needed
            }
            String name = longName != null ? longName : headerName();
            return new Entry(name, type, size);
        }
    }

    /** Reads from the current entry's data; -1 at its end. */
    int read(byte[] buf, int off, int len) throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int n = in.read(buf, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw new EOFException("the archive ends inside an entry");
        }
        remaining -= n;
        return n;
    }

    private byte[] readMeta(long size) throws IOException {
        if (size > MAX_META) {
            throw new IOException("tar metadata entry of " + size + " bytes is too large");
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new EOFException("the archive ends inside a header");
        }
        remaining = 0;
        return data;
    }

    private String headerName() {
        String name = field(0, 100);
        boolean posix = header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a'
                && header[261] == 'r' && header[262] == 0;
        String prefix = posix ? field(345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private void checkChecksum() throws IOException {
        long stored = number(148, 8);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xff;
        }
        if (stored != sum) {
            throw new IOException("tar header " + (entries + 1) + " has a bad checksum (not a tar archive?)");
        }
    }

    /** An octal number field, or a base-256 one (high bit of the first byte set) as GNU tar writes big sizes. */
    private long number(int off, int len) throws IOException {
        if ((header[off] & 0x80) != 0) {
            long v = header[off] & 0x7f;
            for (int i = 1; i < len; i++) {
                v = (v << 8) | (header[off + i] & 0xff);
            }
            return v;
        }
        String text = field(off, len).trim();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            throw new IOException("tar header " + (entries + 1) + " is damaged (bad number '" + text
                    + "'; not a tar archive?)");
        }
    }

    private String field(int off, int len) {
        int end = off;
        while (end < off + len && header[end] != 0) {
            end++;
        }
        return new String(header, off, end - off, StandardCharsets.UTF_8);
    }

    private void skipFully(long n) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("the archive ends inside an entry");
                }
                s = 1;
            }
            left -= s;
        }
    }

    /** The value of {@code key} in PAX records ({@code "<length> key=value\n"}), or null. */
    private static String paxValue(String records, String key) {
        for (String line : records.split("\n")) {
            int space = line.indexOf(' ');
            int eq = line.indexOf('=');
            if (space > 0 && eq > space && line.substring(space + 1, eq).equals(key)) {
                return line.substring(eq + 1);
            }
        }
        return null;
    }

    private static long parsePaxSize(String text) throws IOException {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IOException("bad PAX size: " + text);
        }
    }

    private static String trimNul(String s) {
        int nul = s.indexOf('\0');
        return nul >= 0 ? s.substring(0, nul) : s;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
