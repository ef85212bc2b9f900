package dev.quantlab.cli;

import dev.quantlab.train.Checkpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Makes a compact (fp16, no momentum) copy of a training checkpoint, e.g. to commit an interim one. */
@Command(name = "compact-checkpoint", mixinStandardHelpOptions = true,
        description = "Copy a training checkpoint as fp16 weights + training state (no momentum), about a quarter "
                + "of the size; 'train --resume' continues from it.")
public final class CheckpointCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "FROM", description = "A training checkpoint (e.g. RUN/last.safetensors).")
    Path from;
    @Parameters(index = "1", paramLabel = "TO", description = "Where to write the compact copy.")
    Path to;

    @Override
    public void run() {
        try {
            Checkpoint.compact(from, to);
            System.out.println("wrote " + to.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + to + ": " + e.getMessage(), e);
        }
    }
}
