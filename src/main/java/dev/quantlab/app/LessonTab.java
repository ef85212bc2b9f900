package dev.quantlab.app;

import dev.quantlab.app.export.FigureSet;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.Node;

/**
 * One tab of the main window, as a plug-in: the window lists the registered tabs ({@link LessonTabs}) and
 * knows nothing else about them. A new step of the lesson is a new implementation added to that list.
 */
public interface LessonTab {
    /** Stable id: the tab's node id, the lesson pages' {@code tab:} key, the snapshot file name. */
    String id();

    /** The tab's title. */
    String title();

    /** The tab's content, built once. */
    Node content();

    /** Becomes true once the tab shows its first real content (snapshots wait for it). */
    ReadOnlyBooleanProperty contentReady();

    /** The charts and tables "Export all figures" writes, as they are now. */
    FigureSet figures();
}
