package dev.quantlab.model.pth;

import dev.quantlab.core.pickle.SafeUnpickler;

import java.nio.file.Path;

/**
 * A problem found inside a checkpoint. Thrown by the readers in this package without the file
 * name; {@link PthImporter} turns it into a user-facing message that names the file.
 */
final class CheckpointException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean refused;

    private CheckpointException(String detail, boolean refused, Throwable cause) {
        super(SafeUnpickler.oneLine(detail), cause);
        this.refused = refused;
    }

    /** The file is damaged, truncated or not what it claims to be. */
    static CheckpointException damaged(String detail) {
        return new CheckpointException(detail, false, null);
    }

    /** As {@link #damaged(String)}, keeping the low-level cause for debugging. */
    static CheckpointException damaged(String detail, Throwable cause) {
        return new CheckpointException(detail, false, cause);
    }

    /** The file asks for something a weights file must never need (code, unknown classes). */
    static CheckpointException refused(String detail) {
        return new CheckpointException(detail, true, null);
    }

    /** The message to show, naming {@code file}. */
    String userMessage(Path file) {
        // names from the file (storage keys, entries) may hold control characters: keep the message one line
        String detail = getMessage().replaceAll("[\\x00-\\x1f\\x7f]", "?");
        return (refused ? "refused to load " : "cannot load ") + file + ": " + detail;
    }
}
