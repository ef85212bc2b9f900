package dev.quantlab;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A tiny tmpfs mounted on a folder, to produce real "No space left on device" and "Read-only file system" errors.
 * Mounting needs root (or CAP_SYS_ADMIN); where it is not allowed, the test using it is skipped, not failed.
 */
public final class SmallDisk implements AutoCloseable {
    private final Path dir;

    private SmallDisk(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code kib} KiB on {@code dir} (created), read-only when {@code readOnly}. */
    public static SmallDisk mount(Path dir, int kib, boolean readOnly) throws IOException {
        Files.createDirectories(dir);
        assumeTrue(run("mount", "-t", "tmpfs", "-o", (readOnly ? "ro," : "") + "size=" + kib + "k", "tmpfs",
                dir.toString()), "cannot mount a tmpfs here (needs root)");
        return new SmallDisk(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Fills the disk until no byte more fits. */
    public SmallDisk fill() throws IOException {
        Path filler = dir.resolve("filler");
        try (var out = Files.newOutputStream(filler)) {
            byte[] block = new byte[4096];
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // no space left: what we wanted
        }
        return this;
    }

    @Override
    public void close() throws IOException {
        if (!run("umount", dir.toString())) {
            throw new IOException("could not unmount " + dir);
        }
    }

    private static boolean run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
