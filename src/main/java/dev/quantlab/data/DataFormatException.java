package dev.quantlab.data;

import dev.quantlab.core.pickle.SafeUnpickler;

import dev.quantlab.core.UserFacingException;
import java.nio.file.Path;

/** Bad or missing dataset file: the message names the file and what is wrong with it. */
public final class DataFormatException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public DataFormatException(Path file, String problem) {
        super(SafeUnpickler.oneLine("CIFAR-10 file " + file + ": " + problem));
    }
}
