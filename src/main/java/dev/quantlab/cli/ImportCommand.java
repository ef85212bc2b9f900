package dev.quantlab.cli;

import dev.quantlab.model.ModelFiles;
import dev.quantlab.model.SafetensorsFile;
import dev.quantlab.model.StateDict;
import dev.quantlab.model.TensorData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Converts a PyTorch checkpoint of the lesson's VGG (e.g. vgg.cifar.pretrained.pth) to safetensors. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Convert a PyTorch checkpoint (.pth, zip or legacy format; bare state_dict or a dict holding "
                + "'state_dict'; 'module.' prefixes stripped) of the lesson's VGG to a .safetensors file.",
            "Only tensors and a short allow-list of pickle globals are accepted; anything else is refused."})
public final class ImportCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "PTH", description = "The PyTorch checkpoint.")
    Path pth;
    @Parameters(index = "1", paramLabel = "OUT", description = "The .safetensors file to write.")
    Path out;
    @Option(names = "--force", description = "Overwrite OUT if it exists.")
    boolean force;

    @Override
    public void run() {
        if (Files.exists(out) && !force) {
            throw new IllegalArgumentException(out + " exists; pass --force to overwrite it");
        }
        StateDict weights = ModelFiles.load(pth);
        try {
            SafetensorsFile.write(out, weights, Map.of("quantlab.kind", "weights", "source", pth.getFileName().toString()),
                    TensorData.DType.F32);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        System.out.println("imported " + weights.size() + " tensors from " + pth + " to " + out);
    }
}
