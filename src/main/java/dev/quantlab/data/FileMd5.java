package dev.quantlab.data;

import dev.quantlab.core.CancellationToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.LongConsumer;

/** Computes the MD5 of a file as 32 lowercase hex digits, reporting bytes read and honouring cancellation. */
final class FileMd5 {
    private static final int BUFFER = 1 << 20;

    private FileMd5() { }

    /**
     * @param bytesRead receives the number of bytes hashed so far after each buffer
     * @throws IOException when the file cannot be read
     */
    static String of(Path file, CancellationToken cancel, LongConsumer bytesRead) throws IOException {
        MessageDigest md5 = newMd5();
        byte[] buf = new byte[BUFFER];
        long done = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                cancel.throwIfCancelled();
                md5.update(buf, 0, n);
                done += n;
                bytesRead.accept(done);
            }
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no MD5", e);
        }
    }
}
