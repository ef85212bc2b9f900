package dev.quantlab.model.pth;

import dev.quantlab.core.UserFacingException;
import dev.quantlab.model.StateDict;
import java.nio.file.Path;

/** Reads PyTorch checkpoints (zip and legacy formats) into a state dict. */
public final class PthImporter {
    private PthImporter() { }

    public static StateDict importStateDict(Path file) {
        throw new UserFacingException("PyTorch checkpoint import is not available yet: " + file);
    }
}
