package dev.quantlab.app.settings;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Moves window settings between a {@link Stage} and {@link WindowSettings}. */
public final class WindowStateKeeper {
    private WindowStateKeeper() { }

    /**
     * Sizes and places the stage: never larger than the primary screen, and a saved position only if it is
     * still on a screen.
     */
    public static void apply(Stage stage, WindowSettings s) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(s.width(), screen.getWidth()));
        stage.setHeight(Math.min(s.height(), screen.getHeight()));
        if (s.hasPosition() && onSomeScreen(s)) {
            stage.setX(s.x());
            stage.setY(s.y());
        }
        stage.setMaximized(s.maximized());
    }

    /** The stage's current state with {@code lastTab}. */
    public static WindowSettings capture(Stage stage, String lastTab) {
        return new WindowSettings(stage.getWidth(), stage.getHeight(), stage.getX(), stage.getY(),
                stage.isMaximized(), lastTab);
    }

    private static boolean onSomeScreen(WindowSettings s) {
        return !Screen.getScreensForRectangle(new Rectangle2D(s.x(), s.y(), Math.min(s.width(), 100), 40)).isEmpty();
    }
}
