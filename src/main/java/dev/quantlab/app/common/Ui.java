package dev.quantlab.app.common;

import javafx.scene.layout.Region;

/** Small layout helpers shared by the tabs. */
public final class Ui {
    private Ui() { }

    /** Keeps controls at their preferred width: buttons and short labels never shrink to "…". */
    public static void noShrink(Region... regions) {
        for (Region r : regions) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
    }
}
