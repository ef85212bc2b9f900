package dev.quantlab.app.compare;

import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.ViewTab;
import dev.quantlab.app.export.Figure;
import dev.quantlab.app.i18n.I18n;
import dev.quantlab.app.results.ObservableResults;
import dev.quantlab.results.ResultsStore;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Accuracy against model size for every run the learner recorded (k-means, QAT, linear, integer-only) next to
 * the lesson's numbers, and the trade-offs between k-means and linear quantization.
 */
public final class CompareTab extends ViewTab {
    public static final String ID = "compare";
    private final ObservableResults results;
    private final BooleanProperty problemShown = new SimpleBooleanProperty();
    private ClearConfirmation confirmation = ClearConfirmation.dialog();
    private ResultsFileChooser fileChooser = ResultsFileChooser.dialog();
    private CompareView view;

    public CompareTab(TabContext ctx) {
        super(ID, () -> I18n.t("compare.tab"));
        this.results = ctx.services().results();
        problemShown.set(results.loadProblem().isPresent());
        results.loadProblem().ifPresent(p -> ctx.services().notice().set(problemText(p)));
        show(() -> {
            view = new CompareView(results, ctx, (owner, n) -> confirmation.confirm(owner, n),
                    owner -> fileChooser.choose(owner), results.loadProblem().map(CompareTab::problemText).orElse(""), problemShown);
            CompareView built = view;
            return new Built(built, built::figures, built::dispose);
        }, Bindings.createBooleanBinding(() -> true));
    }

    /** The sentence shown when the results file could not be read. */
    static String problemText(ResultsStore.LoadProblem p) {
        return p.keptAs() != null ? I18n.t("compare.store.unreadable", p.file().toString(), p.keptAs().toString(),
                p.detail()) : I18n.t("compare.store.unreadableLost", p.file().toString(), p.detail());
    }

    /** Replaces the "clear results?" dialog (tests). */
    public void useConfirmation(ClearConfirmation c) {
        this.confirmation = c;
    }

    /** Replaces the open-file dialog of "Add results from a file…" (tests). */
    public void useFileChooser(ResultsFileChooser c) {
        this.fileChooser = c;
    }

    /** What the last "Add results from a file…" did, or "" (tests). */
    public String importMessage() {
        return view.importMessage();
    }

    /** Points of recorded runs in the chart now (tests). */
    public int runPoints() {
        return view.chart().runPoints();
    }

    /** Points measured on the loaded model, from its results file (tests). */
    public int measuredPoints() {
        return view.chart().measuredPoints();
    }

    /** Series of the points measured on the loaded model, one per method (tests). */
    public int measuredSeries() {
        return view.chart().measuredSeries();
    }

    /** Points of the lesson's faint reference series (tests). */
    public int referencePoints() {
        return view.chart().referencePoints();
    }

    /** The chart as an exportable figure (tests). */
    public Figure chartFigure() {
        return view.figures().figures().get(0);
    }
}
