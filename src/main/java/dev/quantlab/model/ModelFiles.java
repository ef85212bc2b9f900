package dev.quantlab.model;

import dev.quantlab.core.UserFacingException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds and loads model weights: the shipped model by default, safetensors files and training checkpoints. */
public final class ModelFiles {
    public static final String SHIPPED = "models/vgg-cifar10.safetensors";
    private static final String OPTIMIZER_PREFIX = "optimizer.";

    private ModelFiles() { }

    /** {@code explicit} if given, else {@code QUANTLAB_MODEL}, else the shipped model next to the app. */
    public static Path resolve(String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String env = System.getenv("QUANTLAB_MODEL");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        for (Path base : candidateBases()) {
            Path p = base.resolve(SHIPPED);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return Path.of(SHIPPED);
    }

    private static java.util.List<Path> candidateBases() {
        java.util.List<Path> bases = new java.util.ArrayList<>();
        bases.add(Path.of("").toAbsolutePath());
        try {
            Path jar = Path.of(ModelFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // target/quantlab.jar or target/classes -> project root
            if (jar.getParent() != null && jar.getParent().getParent() != null) {
                bases.add(jar.getParent().getParent());
            }
        } catch (java.net.URISyntaxException | SecurityException | NullPointerException e) {
            // fall back to the working directory only
        }
        return bases;
    }

    /** Loads weights for the lesson's VGG, checking names and shapes; accepts training checkpoints and packed k-means files
     * ({@link PackedModelFile}) too. */
    public static StateDict load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserFacingException("Model file not found: " + file.toAbsolutePath()
                    + ". Pass --model FILE (a .safetensors or .pth file), or train one with 'quantlab train'.");
        }
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        StateDict raw;
        if (name.endsWith(".pth") || name.endsWith(".pt") || name.endsWith(".th") || name.endsWith(".tar")) {
            raw = dev.quantlab.model.pth.PthImporter.importStateDict(file);
        } else if (PackedModelFile.isPacked(file)) {
            raw = PackedModelFile.load(file, VggArchitecture.cifarVgg().tensors().stream()
                    .map(VggArchitecture.TensorSpec::name).toList());
        } else {
            raw = SafetensorsFile.read(file).tensors();
        }
        StateDict weights = new StateDict();
        raw.asMap().forEach((k, v) -> {
            if (!k.startsWith(OPTIMIZER_PREFIX)) {
                weights.put(k, v);
            }
        });
        try {
            StateDictCheck.requireMatches(VggArchitecture.cifarVgg(), weights, "tensors in " + file);
        } catch (UserFacingException e) {
            throw new UserFacingException(e.getMessage());
        }
        return weights;
    }
}
