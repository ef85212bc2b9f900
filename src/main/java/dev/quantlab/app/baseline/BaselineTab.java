package dev.quantlab.app.baseline;

import dev.quantlab.app.TabContext;
import dev.quantlab.app.ViewTab;
import dev.quantlab.app.services.ModelService;

/** Step 1 of the lesson: the fp32 model's layers, size and accuracy. */
public final class BaselineTab extends ViewTab {
    public static final String ID = "baseline";
    private final BaselineViewModel vm;

    public BaselineTab(TabContext ctx) {
        super(ID, "Baseline");
        this.vm = new BaselineViewModel(ctx.services());
        BaselineView view = new BaselineView(vm, ctx);
        show(view, view::figures, ctx.services().model().status().isNotEqualTo(ModelService.Status.LOADING));
    }

    /** The view model, for tests. */
    public BaselineViewModel viewModel() {
        return vm;
    }
}
