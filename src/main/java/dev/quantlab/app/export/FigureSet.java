package dev.quantlab.app.export;

import java.util.List;

/** Everything a tab can export: its charts and its tables. */
public record FigureSet(List<Figure> figures, List<DataTable> tables) {
    public static final FigureSet EMPTY = new FigureSet(List.of(), List.of());

    public FigureSet {
        figures = List.copyOf(figures);
        tables = List.copyOf(tables);
    }

    /** A copy whose charts are clones, safe to draw on another thread while the originals stay on screen. */
    public FigureSet snapshot() {
        return new FigureSet(figures.stream().map(Figure::snapshot).toList(), tables);
    }

    public boolean isEmpty() {
        return figures.isEmpty() && tables.isEmpty();
    }
}
