package dev.quantlab.results;

import com.google.gson.JsonParseException;
import dev.quantlab.core.UserFacingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Results measured on one model file and kept beside it as {@code <name>-results.json} (the CLI's {@code --record};
 * {@code scripts/measure-shipped-model.sh} writes {@code models/vgg-cifar10-results.json} for the shipped model).
 */
public final class MeasuredResults {
    private MeasuredResults() { }

    /** {@code dir/vgg-cifar10.safetensors} -> {@code dir/vgg-cifar10-results.json}. */
    public static Path besideModel(Path model) {
        String name = model.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return model.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + "-results.json");
    }

    /** The runs kept beside {@code model} and how many entries were unusable; nothing when there is no such file. */
    public static ResultsJson.Parsed read(Path model) throws IOException {
        Path file = besideModel(model);
        if (!Files.isRegularFile(file)) {
            return new ResultsJson.Parsed(List.of(), 0);
        }
        try {
            return ResultsJson.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw new UserFacingException("The measured results " + file + " could not be read (" + e.getMessage()
                    + "); move the file away or measure again with --record", e);
        }
    }
}
