package dev.quantlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class IoReasonsTest {
    @Test
    void javasPathOnlyMessagesBecomeReasons() {
        // Java's own message for these is just the path, which made "Cannot read model file X: X"
        assertEquals("permission denied", IoReasons.of(new AccessDeniedException("/m/vgg.safetensors")));
        assertEquals("no such file or folder", IoReasons.of(new NoSuchFileException("/m/vgg.safetensors")));
        assertEquals("Read-only file system",
                IoReasons.of(new FileSystemException("/m/r.json", null, "Read-only file system")));
        // "Input length = 1" was what invalid UTF-8 said
        assertEquals("it is not valid UTF-8 text", IoReasons.of(new MalformedInputException(1)));
    }

    @Test
    void aWrappersCauseSaysWhy() {
        IOException wrapper = new IOException("I/O error writing PNG file!",
                new IOException("No space left on device"));
        assertEquals("No space left on device", IoReasons.of(wrapper));
        assertEquals("first line", IoReasons.of(new IOException("first line\nsecond line")));
    }
}
