package dev.quantlab.app.compare;

import dev.quantlab.app.common.TabContext;
import dev.quantlab.app.common.ViewTab;
import javafx.beans.binding.Bindings;

/**
 * Accuracy against model size for every run the learner recorded (k-means, QAT, linear, integer-only) next to
 * the lesson's numbers, and the trade-offs between k-means and linear quantization.
 */
public final class CompareTab extends ViewTab {
    public static final String ID = "compare";
    private final CompareViewModel vm;

    public CompareTab(TabContext ctx) {
        this(ctx, CompareDialogs.real());
    }

    CompareTab(TabContext ctx, CompareDialogs dialogs) {
        super(ID, () -> ctx.services().language().t("compare.tab"));
        this.vm = new CompareViewModel(CompareServices.of(ctx.services()));
        show(() -> {
            CompareView view = new CompareView(vm, ctx.services().language().texts(), ctx.export(), dialogs);
            return new Built(view, view::figures, view::dispose);
        }, Bindings.createBooleanBinding(() -> true));
    }

    @Override
    protected void onLanguageChanged() {
        vm.relocalize();
    }

    CompareViewModel viewModel() {
        return vm;
    }
}
