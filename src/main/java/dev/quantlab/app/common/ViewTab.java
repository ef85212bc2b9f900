package dev.quantlab.app.common;

import dev.quantlab.app.export.FigureSet;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/**
 * The common part of a {@link LessonTab}: a fixed id, a title, one view, a ready signal and its figures.
 * <p>
 * For the language switch, keep the tab's state in a view model created in the tab's constructor, and hand
 * {@link #show(Supplier, ObservableBooleanValue)} a factory that builds the view from it: the factory runs now and
 * again after each language switch, and the view it returns must show the view model's current state (results,
 * charts) at once. Give the title as a supplier, e.g. {@code () -> language.t("qat.tab")}.
 */
public abstract class ViewTab implements LessonTab {
    /**
     * One build of a tab's view.
     *
     * @param view    the content node
     * @param figures what "export all" writes, taken from this view's charts
     * @param dispose detaches the view from the view model and services (listeners, subscriptions) when it is
     *                replaced; may do nothing
     */
    public record Built(Node view, Supplier<FigureSet> figures, Runnable dispose) {
        public Built {
            Objects.requireNonNull(view);
            Objects.requireNonNull(figures);
            dispose = dispose == null ? () -> { } : dispose;
        }

        public Built(Node view, Supplier<FigureSet> figures) {
            this(view, figures, () -> { });
        }
    }

    private final String id;
    private final Supplier<String> title;
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper();
    private Supplier<Built> factory;
    private Built built = new Built(new javafx.scene.layout.Pane(), () -> FigureSet.EMPTY);

    /** A tab whose title is looked up again after each language switch. */
    protected ViewTab(String id, Supplier<String> title) {
        this.id = id;
        this.title = title;
    }

    /** A tab with a fixed title (not translated). */
    protected ViewTab(String id, String title) {
        this(id, () -> title);
    }

    /**
     * Sets the view factory (called now, and again after each language switch) and when the tab counts as showing
     * its first content.
     */
    protected final void show(Supplier<Built> viewFactory, ObservableBooleanValue readyWhen) {
        this.factory = viewFactory;
        this.built = viewFactory.get();
        ready.bind(readyWhen);
    }

    /**
     * Sets a view built once: it keeps its texts after a language switch until the app restarts. Prefer
     * {@link #show(Supplier, ObservableBooleanValue)}.
     */
    protected final void show(Node view, Supplier<FigureSet> exportable, ObservableBooleanValue readyWhen) {
        this.factory = null;
        this.built = new Built(view, exportable);
        ready.bind(readyWhen);
    }

    /** Called before the view is rebuilt in the new language: refresh texts the view model keeps. */
    protected void onLanguageChanged() { }

    @Override
    public final void relocalize() {
        onLanguageChanged();
        if (factory == null) {
            return;
        }
        Built old = built;
        built = factory.get();
        old.dispose().run();
    }

    @Override
    public final boolean localizable() {
        return factory != null;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String title() {
        return title.get();
    }

    @Override
    public final Node content() {
        return built.view();
    }

    @Override
    public final ReadOnlyBooleanProperty contentReady() {
        return ready.getReadOnlyProperty();
    }

    @Override
    public final FigureSet figures() {
        return built.figures().get();
    }
}
