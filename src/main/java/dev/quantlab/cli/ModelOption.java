package dev.quantlab.cli;

import dev.quantlab.model.ModelFiles;
import dev.quantlab.model.StateDict;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --model FILE}, shared by commands that load weights. */
public final class ModelOption {
    @Option(names = "--model", paramLabel = "FILE",
            description = "Weights (.safetensors, training checkpoint, or PyTorch .pth). Default: $QUANTLAB_MODEL, "
                    + "else the shipped " + ModelFiles.SHIPPED + ".")
    String model;

    public Path path() {
        return ModelFiles.resolve(model);
    }

    public StateDict load() {
        return ModelFiles.load(path());
    }
}
