package dev.quantlab.cli;

import java.util.Locale;
import java.util.Map;

/** Whether the desktop app can open a window here, decided before JavaFX starts (and fails with a stack trace). */
final class DisplayCheck {
    static final String NO_DISPLAY = "no display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the desktop "
            + "app cannot open; every other command works without one (see 'quantlab --help'), and "
            + "'xvfb-run -a quantlab gui --snapshot DIR' renders the app off-screen";

    private DisplayCheck() { }

    /**
     * On Linux and other X11/Wayland systems a display is named by {@code DISPLAY} or {@code WAYLAND_DISPLAY};
     * Windows and macOS always have one; JavaFX's headless Monocle platform needs none.
     */
    static boolean hasDisplay(Map<String, String> env, String osName, String glassPlatform) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac") || "Monocle".equalsIgnoreCase(glassPlatform)) {
            return true;
        }
        return isSet(env.get("DISPLAY")) || isSet(env.get("WAYLAND_DISPLAY"));
    }

    private static boolean isSet(String v) {
        return v != null && !v.isBlank();
    }
}
