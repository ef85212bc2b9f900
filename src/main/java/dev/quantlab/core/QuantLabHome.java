package dev.quantlab.core;

import java.nio.file.Path;

/** The per-user folder (default {@code ~/.quantlab}) for data, checkpoints, settings and results. */
public final class QuantLabHome {
    private QuantLabHome() { }

    public static Path dir() {
        String override = System.getProperty("quantlab.home");
        if (override == null || override.isBlank()) {
            override = System.getenv("QUANTLAB_HOME");
        }
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return Path.of(System.getProperty("user.home"), ".quantlab");
    }
}
