package dev.quantlab.app.settings;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.quantlab.core.AtomicFiles;
import dev.quantlab.core.QuantLabHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes {@link WindowSettings} as a small JSON file, written atomically. Fields missing from an older
 * file (such as {@code language}) take their defaults.
 */
public final class SettingsStore {
    public static final String FILE_NAME = "gui-settings.json";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();
    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    /** The store in the user's QuantLab folder ({@link QuantLabHome#dir()}). */
    public static SettingsStore inHome() {
        return new SettingsStore(QuantLabHome.dir().resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** The saved settings, or the defaults when the file is missing or unreadable. */
    public WindowSettings load() {
        if (!Files.isRegularFile(file)) {
            return WindowSettings.DEFAULT;
        }
        try {
            JsonObject o = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), JsonObject.class);
            if (o == null) {
                return WindowSettings.DEFAULT;
            }
            WindowSettings d = WindowSettings.DEFAULT;
            return new WindowSettings(num(o, "width", d.width()), num(o, "height", d.height()), num(o, "x", d.x()),
                    num(o, "y", d.y()), o.has("maximized") && o.get("maximized").getAsBoolean(),
                    str(o, "lastTab"), str(o, "language"), str(o, "exportFolder"));
        } catch (IOException | RuntimeException e) {
            // a damaged or hand-edited file: settings are a convenience, start with the defaults
            return WindowSettings.DEFAULT;
        }
    }

    /** Writes the settings; a failure is returned as a message, not thrown (settings are a convenience). */
    public String save(WindowSettings s) {
        JsonObject o = new JsonObject();
        o.addProperty("width", s.width());
        o.addProperty("height", s.height());
        if (s.hasPosition()) {
            o.addProperty("x", s.x());
            o.addProperty("y", s.y());
        }
        o.addProperty("maximized", s.maximized());
        o.addProperty("lastTab", s.lastTab());
        if (!s.language().isEmpty()) {
            o.addProperty("language", s.language());
        }
        if (!s.exportFolder().isEmpty()) {
            o.addProperty("exportFolder", s.exportFolder());
        }
        byte[] bytes = GSON.toJson(o).getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFiles.write(file, out -> out.write(bytes));
            return null;
        } catch (IOException e) {
            return "Could not save window settings to " + file + ": " + e.getMessage();
        }
    }

    private static String str(JsonObject o, String key) {
        return o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsString() : "";
    }

    private static double num(JsonObject o, String key, double fallback) {
        if (!o.has(key) || !o.get(key).isJsonPrimitive() || !o.get(key).getAsJsonPrimitive().isNumber()) {
            return fallback;
        }
        double v = o.get(key).getAsDouble();
        return Double.isFinite(v) ? v : fallback;
    }
}
