package dev.quantlab.data;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

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
        TarGzWriter tar = new TarGzWriter().dir(CifarBinaryReader.FOLDER);
        List<String> names = new ArrayList<>(CifarBinaryReader.TRAIN_FILES);
        names.add(CifarBinaryReader.TEST_FILE);
        for (int i = 0; i < names.size(); i++) {
            byte[] content = new byte[20_000 + 1_000 * i];
            random.nextBytes(content);
            tar.file(CifarBinaryReader.FOLDER + "/" + names.get(i), content);
            contents.add(content);
            files.add(new DatasetSpec.ExpectedFile(names.get(i), content.length, md5(content)));
        }
        tar.file(CifarBinaryReader.FOLDER + "/readme.html", "<p>tiny test copy</p>".getBytes(StandardCharsets.UTF_8));
        bytes = tar.toGzip();
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
}
