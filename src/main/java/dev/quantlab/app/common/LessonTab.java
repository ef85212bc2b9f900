package dev.quantlab.app.common;

import dev.quantlab.app.export.FigureSet;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/**
 * One tab of the main window, as a plug-in: the window lists the registered tabs ({@code dev.quantlab.app.LessonTabs}) and
 * knows nothing else about them. A new step of the lesson is a new implementation added to that list.
 * <p>
 * Tabs live as long as the window; switching the language calls {@link #relocalize()}, after which
 * {@link #title()} and {@link #content()} must be in the new language while the tab's state (results, settings,
 * running jobs) stays. {@link ViewTab} does this by keeping the state in a view model and building the view again.
 */
public interface LessonTab {
    /** Stable id: the tab's node id, the lesson pages' {@code tab:} key, the snapshot file name. */
    String id();

    /** The tab's title, in the current language. */
    String title();

    /** The tab's content, in the current language. */
    Node content();

    /** Becomes true once the tab shows its first real content (snapshots wait for it). */
    ReadOnlyBooleanProperty contentReady();

    /** The charts and tables "Export all figures" writes, as they are now. */
    FigureSet figures();

    /**
     * For {@code gui --snapshot DIR --run-jobs}: starts a short real job that fills this tab's charts (a small test
     * subset, few steps) and returns a value that becomes true once it has ended, however it ended; empty when the
     * tab has nothing to run or the run could not start. {@link SnapshotJobs#start} makes one from a view model's
     * start method. Called on the FX thread, after {@link #contentReady()}.
     */
    default Optional<ObservableBooleanValue> startSnapshotJob() {
        return Optional.empty();
    }

    /**
     * The language changed ({@link dev.quantlab.app.i18n.Language}): rebuild the content in the new language,
     * keeping the tab's state. The default does nothing (the tab keeps its old texts until the app restarts).
     */
    default void relocalize() { }

    /** Whether {@link #relocalize()} really rebuilds the tab (for tests and for the language menu's note). */
    default boolean localizable() {
        return false;
    }
}
