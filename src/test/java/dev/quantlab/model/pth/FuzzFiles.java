package dev.quantlab.model.pth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One scratch file per fuzz target, rewritten for each input (deleted when the JVM exits). */
final class FuzzFiles {
    private FuzzFiles() { }

    static Path scratch(String name) {
        try {
            Path dir = Files.createTempDirectory("quantlab-fuzz");
            dir.toFile().deleteOnExit();
            Path file = dir.resolve(name);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
