package dev.quantlab.app;

import dev.quantlab.model.SafetensorsFile;
import dev.quantlab.model.TensorData;
import dev.quantlab.model.VggNet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A freshly initialised VGG written once per test run to a temporary .safetensors file (no trained model yet). */
public final class TestWeights {
    private static Path file;

    private TestWeights() { }

    public static synchronized Path file() {
        if (file == null) {
            try {
                Path dir = Files.createTempDirectory("quantlab-app-test");
                dir.toFile().deleteOnExit();
                file = dir.resolve("vgg-init.safetensors");
                SafetensorsFile.write(file, VggNet.initialWeights(7), Map.of(), TensorData.DType.F32);
                file.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }
}
