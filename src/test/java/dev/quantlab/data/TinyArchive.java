package dev.quantlab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * A small stand-in for {@code cifar-10-binary.tar.gz}: a tar.gz holding {@code cifar-10-batches-bin/} with the six
 * correctly named files (random, incompressible bytes of a few tens of KiB each) and a readme, plus the
 * {@link DatasetSpec} that describes it.
 */
final class TinyArchive {
    final byte[] bytes;
    final List<byte[]> contents = new ArrayList<>();
    private final List<DatasetSpec.ExpectedFile> files = new ArrayList<>();

    TinyArchive() {
        Random random = new Random(12345);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(buf))) {
            tar.putArchiveEntry(new TarArchiveEntry(CifarBinaryReader.FOLDER + "/"));
            tar.closeArchiveEntry();
            List<String> names = new ArrayList<>(CifarBinaryReader.TRAIN_FILES);
            names.add(CifarBinaryReader.TEST_FILE);
            for (int i = 0; i < names.size(); i++) {
                byte[] content = new byte[20_000 + 1_000 * i];
                random.nextBytes(content);
                add(tar, names.get(i), content);
                contents.add(content);
                files.add(new DatasetSpec.ExpectedFile(names.get(i), content.length, md5(content)));
            }
            add(tar, "readme.html", "<p>tiny test copy</p>".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytes = buf.toByteArray();
    }

    /** The spec for this archive served from {@code url}. */
    DatasetSpec spec(URI url) {
        return new DatasetSpec("cifar-10-binary.tar.gz", url, md5(bytes), CifarBinaryReader.FOLDER, files);
    }

    static String md5(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(CifarBinaryReader.FOLDER + "/" + name);
        e.setSize(content.length);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
    }
}
