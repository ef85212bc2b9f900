package dev.quantlab.model;

import dev.quantlab.core.UserFacingException;
import dev.quantlab.model.pth.PthImporter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds and loads model weights: the shipped model by default, safetensors files and training checkpoints. */
public final class ModelFiles {
    public static final String SHIPPED = "models/vgg-cifar10.safetensors";
    private static final String OPTIMIZER_PREFIX = "optimizer.";

    private ModelFiles() { }

    /** {@code explicit} if given, else {@code QUANTLAB_MODEL}, else the shipped model (working directory, else beside the jar). */
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

    /**
     * Where the shipped model may be: the working directory (a checkout, as the README's commands run it), then
     * the folder holding the app's jar ({@code quantlab.jar} with {@code models/} beside it, as packaged into
     * the build folder, the app image and the installers; for {@code target/classes} the build folder).
     */
    private static List<Path> candidateBases() {
        List<Path> bases = new ArrayList<>();
        bases.add(Path.of("").toAbsolutePath());
        appFolder().ifPresent(bases::add);
        return bases;
    }

    /** The folder of the running jar (or the parent of the classes folder), if the code source is a file. */
    static Optional<Path> appFolder() {
        try {
            CodeSource source = ModelFiles.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            return Optional.ofNullable(Path.of(source.getLocation().toURI()).getParent());
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Loads weights for the lesson's VGG, checking names and shapes; accepts training checkpoints and packed k-means files
     * ({@link PackedModelFile}) too. */
    public static StateDict load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserFacingException("Model file not found: " + file.toAbsolutePath()
                    + ". Pass --model FILE (a .safetensors or .pth file), or train one with 'quantlab train'.");
        }
        StateDict raw;
        if (WeightsFormat.detect(file) == WeightsFormat.PYTORCH) {
            raw = PthImporter.importStateDict(file);
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
        StateDictCheck.requireMatches(VggArchitecture.cifarVgg(), weights, "tensors in " + file);
        WeightCheck.problem(weights).ifPresent(p -> {
            throw new UserFacingException("Model file " + file + " holds " + p + ": no trained model does, and it "
                    + "would score chance (10%); it is not loaded (retrain it or export it again)");
        });
        return weights;
    }
}
