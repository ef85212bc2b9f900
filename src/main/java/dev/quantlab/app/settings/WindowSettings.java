package dev.quantlab.app.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What the app remembers between runs: window size and position, the last tab shown, and the language the user
 * chose.
 *
 * @param width     window width in pixels
 * @param height    window height in pixels
 * @param x         left edge, or NaN to let the system place the window
 * @param y         top edge, or NaN
 * @param maximized whether the window was maximized
 * @param lastTab   id of the tab shown last, or empty
 * @param language  BCP 47 tag of the language chosen in the menu ({@code en}, {@code zh-TW}), or empty to follow
 *                  the system locale
 * @param exportFolder the folder of the last export (where the next save dialog starts), or empty
 */
public record WindowSettings(double width, double height, double x, double y, boolean maximized, String lastTab,
                             String language, String exportFolder) {
    public static final double MIN_WIDTH = 800;
    public static final double MIN_HEIGHT = 560;
    private static final double DEFAULT_WIDTH = 1280;
    private static final double DEFAULT_HEIGHT = 820;
    public static final WindowSettings DEFAULT = new WindowSettings(DEFAULT_WIDTH, DEFAULT_HEIGHT, Double.NaN, Double.NaN, false, "");

    /** Keeps sizes sensible (a damaged file never yields a window too small to use). */
    public WindowSettings {
        width = Double.isFinite(width) ? Math.max(MIN_WIDTH, width) : DEFAULT_WIDTH;
        height = Double.isFinite(height) ? Math.max(MIN_HEIGHT, height) : DEFAULT_HEIGHT;
        lastTab = lastTab == null ? "" : lastTab;
        language = language == null ? "" : language.strip();
        exportFolder = exportFolder == null ? "" : exportFolder;
    }

    /** Settings without an export folder. */
    public WindowSettings(double width, double height, double x, double y, boolean maximized, String lastTab,
                          String language) {
        this(width, height, x, y, maximized, lastTab, language, "");
    }

    /** Settings that follow the system language. */
    public WindowSettings(double width, double height, double x, double y, boolean maximized, String lastTab) {
        this(width, height, x, y, maximized, lastTab, "");
    }

    public boolean hasPosition() {
        return Double.isFinite(x) && Double.isFinite(y);
    }

    public WindowSettings withLastTab(String tab) {
        return new WindowSettings(width, height, x, y, maximized, tab, language, exportFolder);
    }

    public WindowSettings withLanguage(String tag) {
        return new WindowSettings(width, height, x, y, maximized, lastTab, tag, exportFolder);
    }

    public WindowSettings withExportFolder(Optional<Path> folder) {
        return new WindowSettings(width, height, x, y, maximized, lastTab, language,
                folder.map(Path::toString).orElse(""));
    }

    /** The folder of the last export, if one was remembered. */
    public Optional<Path> exportPath() {
        try {
            return exportFolder.isEmpty() ? Optional.empty() : Optional.of(Path.of(exportFolder));
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty(); // a hand-edited file
        }
    }

    /** The language the user chose, if any (empty: follow the system locale). */
    public Optional<Locale> locale() {
        return language.isEmpty() ? Optional.empty() : Optional.of(Locale.forLanguageTag(language));
    }
}
