package dev.quantlab.app.settings;

/**
 * What the app remembers between runs: window size and position, and the last tab shown.
 *
 * @param width     window width in pixels
 * @param height    window height in pixels
 * @param x         left edge, or NaN to let the system place the window
 * @param y         top edge, or NaN
 * @param maximized whether the window was maximized
 * @param lastTab   id of the tab shown last, or empty
 */
public record WindowSettings(double width, double height, double x, double y, boolean maximized, String lastTab) {
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
    }

    public boolean hasPosition() {
        return Double.isFinite(x) && Double.isFinite(y);
    }

    public WindowSettings withLastTab(String tab) {
        return new WindowSettings(width, height, x, y, maximized, tab);
    }
}
