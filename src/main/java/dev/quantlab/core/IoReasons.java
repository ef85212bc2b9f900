package dev.quantlab.core;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Optional;

/**
 * Says in words why a file operation failed. Java's file exceptions often carry only the path as their message
 * ("Cannot read X: X"); this names the reason (permission denied, read-only file system, no space left...).
 */
public final class IoReasons {
    private static final ClassPhrases REASONS = new ClassPhrases()
            .add(AccessDeniedException.class, "permission denied")
            .add(NoSuchFileException.class, "no such file or folder")
            .add(FileAlreadyExistsException.class, "it already exists")
            .add(DirectoryNotEmptyException.class, "it is a folder that is not empty")
            .add(NotDirectoryException.class, "a part of the path is not a folder")
            .add(CharacterCodingException.class, "it is not valid UTF-8 text");

    private IoReasons() { }

    public static String of(IOException e) {
        if (e.getCause() instanceof IOException cause && cause != e) {
            return of(cause); // a wrapper such as ImageIO's "I/O error writing PNG file!": the cause says why
        }
        Optional<String> known = REASONS.of(e);
        if (known.isPresent()) {
            return known.get();
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
