package dev.quantlab.mixed;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import dev.quantlab.core.AtomicFiles;
import dev.quantlab.core.UserFacingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Measured sensitivity cells kept in a JSON file, so a rerun on the same model and images reuses them. A cell's
 * key is the model file's SHA-256, the method (with its seed), the layer, the bit-width and the number of
 * test images; the fp32 accuracy is kept as the layer {@code fp32} at 32 bits. Thread-safe.
 */
public final class SensitivityCache {
    private final Path file;
    private final Map<String, Double> cells = new TreeMap<>();

    private SensitivityCache(Path file) {
        this.file = file;
    }

    /**
     * Opens {@code file} (empty if it does not exist yet).
     *
     * @throws UserFacingException if it exists but is not a cache file
     */
    public static SensitivityCache open(Path file) {
        SensitivityCache c = new SensitivityCache(file);
        if (file != null && Files.isRegularFile(file)) {
            try {
                JsonObject o = new Gson().fromJson(Files.readString(file, StandardCharsets.UTF_8), JsonObject.class);
                if (o != null && o.has("cells")) {
                    o.getAsJsonObject("cells").entrySet().forEach(e -> c.cells.put(e.getKey(), e.getValue().getAsDouble()));
                }
            } catch (IOException | JsonParseException | IllegalStateException | UnsupportedOperationException e) {
                throw new UserFacingException("Sensitivity cache " + file + " is damaged (" + e.getMessage()
                        + "); delete it or pass another --cache file");
            }
        }
        return c;
    }

    /** An in-memory cache that is never saved. */
    public static SensitivityCache inMemory() {
        return new SensitivityCache(null);
    }

    /** The key of one cell. */
    public static String key(String modelHash, String method, String layer, int bits, int images) {
        return modelHash + "|" + method + "|" + layer + "|" + bits + "|" + images;
    }

    public synchronized Optional<Double> get(String key) {
        return Optional.ofNullable(cells.get(key));
    }

    /** Adds a cell and saves the file at once (a stopped run keeps what it measured). */
    public synchronized void put(String key, double accuracy) {
        cells.put(key, accuracy);
        if (file == null) {
            return;
        }
        JsonObject o = new JsonObject();
        JsonObject c = new JsonObject();
        cells.forEach(c::addProperty);
        o.add("cells", c);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            byte[] json = new GsonBuilder().setPrettyPrinting().create().toJson(o).getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(file, out -> out.write(json));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sensitivity cache " + file, e);
        }
    }

    public synchronized int size() {
        return cells.size();
    }
}
