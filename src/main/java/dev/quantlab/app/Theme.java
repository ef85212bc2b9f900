package dev.quantlab.app;

import java.net.URL;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;

/** The app's one CSS theme ({@code /assets/styles/quantlab.css}). */
public final class Theme {
    public static final String RESOURCE = "/assets/styles/quantlab.css";

    private Theme() { }

    public static String stylesheet() {
        URL url = Theme.class.getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException("missing stylesheet " + RESOURCE);
        }
        return url.toExternalForm();
    }

    public static void apply(Scene scene) {
        scene.getStylesheets().add(stylesheet());
    }

    public static void apply(DialogPane pane) {
        pane.getStylesheets().add(stylesheet());
    }
}
