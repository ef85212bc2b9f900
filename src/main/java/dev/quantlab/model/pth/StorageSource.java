package dev.quantlab.model.pth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Set;

/** Where a checkpoint keeps the raw bytes of its storages. */
interface StorageSource {

    /** Receives one storage's bytes, byte order already set. */
    @FunctionalInterface
    interface Sink {
        void accept(String key, ByteBuffer data);
    }

    /**
     * Reads the storages named in {@code keys}, each once, in whatever order suits the format,
     * and hands each to {@code sink}. Sizes were checked against the file before any allocation.
     */
    void read(Set<String> keys, Sink sink) throws IOException;
}
