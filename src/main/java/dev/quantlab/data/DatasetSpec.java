package dev.quantlab.data;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a dataset download fetches and what it must produce: the archive (file name, URL, MD5) and the folder
 * it unpacks to with the files expected there (name, size, MD5). {@link #CIFAR10_BINARY} is the official
 * CIFAR-10 binary release; tests use small specs of their own.
 *
 * @param archiveName file name of the archive, used for the partial download ({@code .download/<name>.part})
 * @param archiveUrl where the archive is downloaded from
 * @param archiveMd5 MD5 of the complete archive, 32 lowercase hex digits
 * @param folder name of the folder the archive unpacks to
 * @param files the files that must be in that folder afterwards
 */
public record DatasetSpec(String archiveName, URI archiveUrl, String archiveMd5, String folder,
        List<ExpectedFile> files) {

    private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");

    /** URL of the official CIFAR-10 binary archive, as published by the dataset authors. */
    public static final URI CIFAR10_BINARY_URL = URI.create("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz");
    /** MD5 of the official {@code cifar-10-binary.tar.gz}. */
    public static final String CIFAR10_BINARY_MD5 = "c32a1d4ab5d03f1284b67883e8d87530";

    /** The official CIFAR-10 binary release: six files of 10,000 records each, with their published MD5s. */
    public static final DatasetSpec CIFAR10_BINARY = new DatasetSpec("cifar-10-binary.tar.gz", CIFAR10_BINARY_URL,
            CIFAR10_BINARY_MD5, CifarBinaryReader.FOLDER, List.of(
                    new ExpectedFile("data_batch_1.bin", 30_730_000L, "5dd7e06a14cb22eb9f671a540d1b7c25"),
                    new ExpectedFile("data_batch_2.bin", 30_730_000L, "5ea93a67294ea407fff1d09f752e9692"),
                    new ExpectedFile("data_batch_3.bin", 30_730_000L, "942cd6a4bcdd0dd3c604fbe906cb4421"),
                    new ExpectedFile("data_batch_4.bin", 30_730_000L, "ae636b3ba5c66a11e91e8cb52e771fcb"),
                    new ExpectedFile("data_batch_5.bin", 30_730_000L, "53f37980c15c3d472c316c40844f3f0d"),
                    new ExpectedFile("test_batch.bin", 30_730_000L, "803d5f7f4d78ea53de84dbe85f74fb6d")));

    /**
     * One file the unpacked folder must hold.
     *
     * @param name file name inside the folder
     * @param size exact size in bytes
     * @param md5 MD5 of the content, 32 lowercase hex digits
     */
    public record ExpectedFile(String name, long size, String md5) {
        public ExpectedFile {
            requireSimpleName(name, "file name");
            if (size < 0) {
                throw new IllegalArgumentException("negative size for " + name);
            }
            md5 = normalizeMd5(md5);
        }
    }

    public DatasetSpec {
        requireSimpleName(archiveName, "archive name");
        requireSimpleName(folder, "folder name");
        if (archiveUrl == null) {
            throw new IllegalArgumentException("no archive URL");
        }
        archiveMd5 = normalizeMd5(archiveMd5);
        files = List.copyOf(files);
    }

    /** This spec with the archive fetched from another URL with the given MD5 (a mirror, or a test server). */
    public DatasetSpec withArchive(URI url, String md5) {
        return new DatasetSpec(archiveName, url, md5, folder, files);
    }

    /** Total size of the expected files in bytes. */
    public long totalSize() {
        long sum = 0;
        for (ExpectedFile f : files) {
            sum += f.size();
        }
        return sum;
    }

    static String normalizeMd5(String md5) {
        String m = md5 == null ? "" : md5.trim().toLowerCase(Locale.ROOT);
        if (!MD5.matcher(m).matches()) {
            throw new IllegalArgumentException("not an MD5 (32 hex digits): " + md5);
        }
        return m;
    }

    private static void requireSimpleName(String name, String what) {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.equals(".")
                || name.equals("..")) {
            throw new IllegalArgumentException("bad " + what + ": " + name);
        }
    }
}
