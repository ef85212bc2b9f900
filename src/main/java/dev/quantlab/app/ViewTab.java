package dev.quantlab.app;

import dev.quantlab.app.export.FigureSet;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/** The common part of a {@link LessonTab}: a fixed id and title, one view, a ready signal and its figures. */
public abstract class ViewTab implements LessonTab {
    private final String id;
    private final String title;
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper();
    private Node content;
    private Supplier<FigureSet> figures = () -> FigureSet.EMPTY;

    protected ViewTab(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** Sets the view, what "export all" writes, and when the tab counts as showing its first content. */
    protected final void show(Node view, Supplier<FigureSet> exportable, ObservableBooleanValue readyWhen) {
        this.content = view;
        this.figures = exportable;
        ready.bind(readyWhen);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final Node content() {
        return content;
    }

    @Override
    public final ReadOnlyBooleanProperty contentReady() {
        return ready.getReadOnlyProperty();
    }

    @Override
    public final FigureSet figures() {
        return figures.get();
    }
}
